import type { KitchenOrder } from '@kitchensync/shared';
import { canRecall } from '../model/ticket-actions.ts';
import { ticketNumber } from '../model/ticket-label.ts';

export interface BumpedDrawerProps {
  readonly tickets: readonly KitchenOrder[];
  readonly highlighted: number;
  readonly stationName: (id: string) => string;
  readonly onRecall: (ticket: KitchenOrder) => void;
  readonly onClose: () => void;
}

const time = (ms: number | undefined) => (ms ? new Date(ms).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' }) : '');

/** Every ticket bumped today, from any station, each one recallable. */
export function BumpedDrawer(p: BumpedDrawerProps) {
  return (
    <div className="drawer" role="dialog" aria-label="Recently bumped">
      <header className="drawer__head">
        <h2>Recently bumped — today, all stations</h2>
        <span className="muted">
          <kbd>↑</kbd>
          <kbd>↓</kbd> choose · <kbd>Enter</kbd>/<kbd>r</kbd> recall · <kbd>Esc</kbd> close
        </span>
        <button type="button" className="btn btn--ghost" onClick={p.onClose}>
          Close
        </button>
      </header>
      {p.tickets.length === 0 && <p className="muted drawer__empty">Nothing bumped today yet.</p>}
      <ul className="drawer__list" tabIndex={0} aria-label="Bumped tickets">
        {p.tickets.map((t, i) => (
          <li key={t.id} className={i === p.highlighted ? 'bumped bumped--highlighted' : 'bumped'} data-ticket-id={t.id}>
            <span className="bumped__number">{ticketNumber(t)}</span>
            <span className="bumped__station">{p.stationName(t.stationId)}</span>
            <span className="bumped__time">bumped {time(t.readyAt)}</span>
            <span className="bumped__items">{t.items.map((i) => `${i.quantity}× ${i.name}`).join(', ')}</span>
            <button type="button" className="btn btn--recall" disabled={!canRecall(t)} onClick={() => p.onRecall(t)}>
              Recall
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
