import { useClock } from '../hooks/use-clock.ts';
import type { PageSummary } from '../model/paging.ts';
import { formatElapsed } from '../model/ticket-timer.ts';

export interface PagerFooterProps {
  /** The screen's count in its words ("12 open tickets"), the same as the header's. */
  readonly words: string;
  readonly page: number;
  readonly pages: number;
  readonly summary: PageSummary;
  /** What an entry is called here: "ticket", "order". */
  readonly noun: string;
  readonly labelOf: (index: number) => string;
}

/** Below the columns: the count, the page, what waits on later pages and whether something older is off screen. Ticks on its own. */
export function PagerFooter({ words, page, pages, summary, noun, labelOf }: PagerFooterProps) {
  const now = useClock(1000);
  const older = summary.olderOffScreen;
  return (
    <div className="rail__pager" data-page={page + 1} data-pages={pages} data-later={summary.later}>
      <span>{words}</span>
      {pages > 1 && (
        <span>
          {' '}
          · page {page + 1}/{pages} · <kbd>PgDn</kbd>/<kbd>]</kbd> next page
        </span>
      )}
      {summary.later > 0 && (
        <span className="rail__later">
          {' '}
          · {summary.later} {summary.later === 1 ? noun : `${noun}s`} on later pages
          {summary.oldestLaterAt !== undefined && `, oldest waiting ${formatElapsed(now - summary.oldestLaterAt)}`}
        </span>
      )}
      {older && (
        <strong className="rail__older" role="status" data-older-page={older.page + 1}>
          {' '}
          ⚠ older {noun} off screen: {labelOf(older.index)} waiting {formatElapsed(now - older.at)} on page {older.page + 1}
        </strong>
      )}
    </div>
  );
}
