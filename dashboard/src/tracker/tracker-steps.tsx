import type { Order } from '@kitchensync/shared';
import { formatClock } from '../model/format.ts';
import { statusSteps } from '../model/status-path.ts';
import { customerStatus } from '../model/tracker-text.ts';

export function TrackerSteps({ order }: { order: Order }) {
  return (
    <ol className="steps" aria-label="Progress">
      {statusSteps(order).map((s) => (
        <li key={s.status} className={`steps__step steps__step--${s.state}`} data-step={s.status} data-state={s.state}>
          <span className="steps__marker" aria-hidden="true" />
          <span className="steps__label">{customerStatus(s.status, order.channel)}</span>
          <span className="steps__time">{s.at === undefined ? '' : formatClock(s.at)}</span>
        </li>
      ))}
    </ol>
  );
}
