import type { AllDayCount } from '../model/all-day.ts';

/** Outstanding quantity per product across the open tickets on this screen. */
export function AllDayPanel({ counts }: { counts: readonly AllDayCount[] }) {
  return (
    <aside className="all-day" aria-label="All day" tabIndex={0}>
      <h2>All day</h2>
      {counts.length === 0 ? (
        <p className="muted">Nothing outstanding</p>
      ) : (
        <ul>
          {counts.map((c) => (
            <li key={c.productId} data-product-id={c.productId}>
              <span className="all-day__qty">{c.quantity}</span>
              <span className="all-day__name">{c.name}</span>
            </li>
          ))}
        </ul>
      )}
    </aside>
  );
}
