import type { Order } from '@kitchensync/shared';

export function TrackerLines({ order }: { order: Order }) {
  return (
    <ul className="tracker-lines">
      {order.lines.map((l) => (
        <li key={l.id}>
          <span className="tracker-lines__qty">{l.quantity}×</span>
          <span className="tracker-lines__name">
            {l.name}
            {l.modifiers.length > 0 && <span className="muted small"> · {l.modifiers.join(', ')}</span>}
          </span>
        </li>
      ))}
    </ul>
  );
}
