import type { ScreenDownNotice } from '@kitchensync/shared';

/** "Printed on Bar printer while this screen was down: #12, #14", one sentence per printer. */
export function screenDownText(notice: ScreenDownNotice): string {
  return notice.printed.map((p) => `Printed on ${p.printerName} printer while this screen was down: ${p.numbers.join(', ')}`).join('. ');
}
