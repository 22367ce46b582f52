import type { HeldCourse } from '../model/kitchen.ts';
import { courseLabel } from '../model/labels.ts';

/** Later courses wait "held" in the kitchen until the manager (or expo) fires them. */
export function HeldCoursesCard({ held, onFire }: { held: readonly HeldCourse[]; onFire: (course: number) => void }) {
  if (held.length === 0) return null;
  return (
    <section className="card held-courses" aria-label="Held courses">
      <h2>Held courses</h2>
      <ul className="held-courses__list">
        {held.map((h) => (
          <li key={h.course} className="held-courses__course" data-held-course={h.course}>
            <span>
              <strong>{courseLabel(h.course)}</strong>
              <span className="muted small"> · waiting at {h.stations.join(', ')}</span>
            </span>
            <button type="button" className="btn btn--primary btn--small" onClick={() => onFire(h.course)}>
              Fire course {h.course}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
