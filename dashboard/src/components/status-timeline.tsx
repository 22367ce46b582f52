import { formatClockSeconds } from '../model/format.ts';
import type { TimelineEntry } from '../model/timeline.ts';

/** The order's history, oldest first, with where it came from. */
export function StatusTimeline({ entries, source }: { entries: readonly TimelineEntry[]; source: 'audit' | 'replica' }) {
  return (
    <div>
      <ol className="timeline" data-source={source}>
        {entries.map((e) => (
          <li key={e.key} className={`timeline__entry${e.status ? ` timeline__entry--${e.status}` : ''}`}>
            <span className="timeline__dot" aria-hidden="true" />
            <div className="timeline__body">
              <div className="timeline__title">{e.title}</div>
              {e.detail && <div className="timeline__detail">{e.detail}</div>}
              <div className="timeline__meta muted small">
                {formatClockSeconds(e.at)}
                {e.actor && ` · by ${e.actor}`}
              </div>
            </div>
          </li>
        ))}
      </ol>
      <p className="muted small">{source === 'audit' ? 'From the server’s audit trail.' : 'From this device’s replica; the audit trail is not available right now.'}</p>
    </div>
  );
}
