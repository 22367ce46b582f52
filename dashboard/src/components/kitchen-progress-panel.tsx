import { formatClock } from '../model/format.ts';
import type { StationProgress } from '../model/kitchen.ts';
import { courseLabel, itemStatusLabel, ticketStatusLabel } from '../model/labels.ts';

/** Each station's ticket for this order: how far along it is, item by item. */
export function KitchenProgressPanel({ progress }: { progress: readonly StationProgress[] }) {
  return (
    <section className="card">
      <h2>Kitchen progress</h2>
      {progress.length === 0 ? (
        <p className="muted">The kitchen gets this order once it is confirmed.</p>
      ) : (
        <ul className="progress-list">
          {progress.map((p) => (
            <li key={p.ticketId} className="progress-station" data-ticket-id={p.ticketId} data-ticket-status={p.status}>
              <div className="progress-station__head">
                <strong>{p.stationName}</strong>
                {p.course > 1 && <span className="course-chip">{courseLabel(p.course)}</span>}
                <span className={`ticket-status ticket-status--${p.status}`}>{ticketStatusLabel[p.status]}</span>
                <span className="muted small">
                  {p.done}/{p.total} done{p.readyAt !== undefined && ` · bumped ${formatClock(p.readyAt)}`}
                </span>
              </div>
              <div className="meter" role="progressbar" aria-label={`${p.stationName}: items done`} aria-valuemin={0} aria-valuemax={p.total} aria-valuenow={p.done}>
                <span style={{ width: `${p.total === 0 ? 0 : (100 * p.done) / p.total}%` }} />
              </div>
              <ul className="progress-items">
                {p.items.map((i) => (
                  <li key={i.id} className={`progress-item progress-item--${i.status}`}>
                    <span>
                      {i.quantity} × {i.name}
                    </span>
                    <span className="muted small">{itemStatusLabel[i.status]}</span>
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
