import ReceiptPrinterEncoder from '@point-of-sale/receipt-printer-encoder';
import type { PrintLine } from '@kitchensync/shared';

/**
 * ESC/POS bytes for laid-out lines, through a maintained encoder (styles, code page, cut): the
 * layout already fits the paper, so each line goes as it is, with its style set and reset.
 */
export function encodeLines(lines: readonly PrintLine[], printer: { columns: number; codePage: string }): Uint8Array {
  const encoder = new ReceiptPrinterEncoder({ language: 'esc-pos', columns: printer.columns, newline: '\n' });
  encoder.initialize().codepage(printer.codePage as 'cp437');
  for (const line of lines) {
    encoder.align(line.align ?? 'left');
    if (line.large) encoder.size(2, 2);
    if (line.bold) encoder.bold(true);
    if (line.invert) encoder.invert(true);
    encoder.text(line.text);
    if (line.invert) encoder.invert(false);
    if (line.bold) encoder.bold(false);
    if (line.large) encoder.size(1, 1);
    encoder.newline();
  }
  return encoder.newline(3).cut('partial').encode();
}

/**
 * ESC/POS real-time status requests (DLE EOT n): answered at once, even while the printer is
 * offline. The encoder library has no builder for them. n = 1 printer, 2 offline cause, 4 paper.
 */
export const statusRequest = (n: 1 | 2 | 4): Uint8Array => Uint8Array.of(0x10, 0x04, n);

export interface PrinterStatus {
  readonly offline: boolean;
  readonly coverOpen: boolean;
  readonly paperOut: boolean;
}

/** Reads the three status bytes (answers to n = 1, 2, 4) as the Epson ESC/POS reference defines their bits. */
export function parseStatus([printer, offlineCause, paper]: readonly [number, number, number]): PrinterStatus {
  return {
    offline: (printer & 0x08) !== 0,
    coverOpen: (offlineCause & 0x04) !== 0,
    paperOut: (paper & 0x60) !== 0 || (offlineCause & 0x20) !== 0,
  };
}
