import type { PrinterCondition } from '@kitchensync/shared';
import type { PrinterStatus } from './escpos.ts';
import type { DeliveryOutcome } from './print-agent.ts';

/** What a delivery attempt says about the printer. */
export function conditionOf(outcome: DeliveryOutcome): PrinterCondition {
  if (outcome.kind === 'printed' || outcome.kind === 'skipped') return 'ok';
  return outcome.condition;
}

/** Backoff after the nth failure in a row: 0.5 s, 1 s, 2 s … at most 10 s (a refilled printer is back within seconds). */
export const nextDelay = (failures: number): number => Math.min(10_000, 500 * 2 ** Math.max(0, failures - 1));

/** What keeps a printer that answered from printing, if anything (its DLE EOT status bits). */
export function notReadyOf(status: PrinterStatus): Exclude<PrinterCondition, 'ok' | 'unreachable'> | undefined {
  return status.paperOut ? 'paper_out' : status.coverOpen ? 'cover_open' : status.offline ? 'offline' : undefined;
}
