import type { KitchenOrder, Station } from '@kitchensync/shared';
import { useState } from 'react';
import { stationLoad } from '../model/kitchen.ts';
import { orderNumber } from '../model/format.ts';
import { stationTypeLabel, ticketStatusLabel } from '../model/labels.ts';

export interface StationCardProps {
  readonly station: Station;
  /** The station's open tickets, oldest first. */
  readonly tickets: readonly KitchenOrder[];
  readonly onSave: (patch: { capacity: number; active: boolean }) => void;
}

const levelText = { idle: 'Idle', normal: 'Working', busy: 'Busy', full: 'At capacity' } as const;

/** A station's live load (open tickets against capacity), with capacity and on/off editable. */
export function StationCard({ station, tickets, onSave }: StationCardProps) {
  const [editing, setEditing] = useState(false);
  const [capacity, setCapacity] = useState(String(station.capacity));
  const { ratio, level } = stationLoad(station);
  const valid = /^\d+$/.test(capacity) && Number(capacity) >= 1 && Number(capacity) <= 1000;
  return (
    <article className={`station-card station-card--${level}${station.active ? '' : ' is-inactive'}`} data-station-id={station.id} data-open-tickets={station.openTickets}>
      <header className="station-card__head">
        <div>
          <h3>{station.name}</h3>
          <span className="muted small">{stationTypeLabel(station.type)}</span>
        </div>
        <span className={`load-pill load-pill--${level}`}>{station.active ? levelText[level] : 'Off'}</span>
      </header>
      <div className="station-card__load">
        <strong>{station.openTickets}</strong>
        <span className="muted"> / {station.capacity} tickets</span>
      </div>
      <div className={`meter meter--${level}`} role="progressbar" aria-label={`${station.name}: open tickets of capacity`} aria-valuemin={0} aria-valuemax={station.capacity} aria-valuenow={station.openTickets}>
        <span style={{ width: `${Math.min(100, ratio * 100)}%` }} />
      </div>
      {tickets.length > 0 && (
        <ul className="station-card__tickets" aria-label="Open tickets">
          {tickets.map((t) => (
            <li key={t.id} className={`ticket-chip ticket-chip--${t.status}`} title={ticketStatusLabel[t.status]}>
              {orderNumber(t.orderId)}
            </li>
          ))}
        </ul>
      )}
      {editing ? (
        <form
          className="station-card__edit"
          onSubmit={(e) => {
            e.preventDefault();
            if (!valid) return;
            onSave({ capacity: Number(capacity), active: station.active });
            setEditing(false);
          }}
        >
          <label className="field field--inline">
            <span className="field__label">Capacity</span>
            <input inputMode="numeric" value={capacity} onChange={(e) => setCapacity(e.target.value)} />
          </label>
          <button type="submit" className="btn btn--small btn--primary" disabled={!valid}>
            Save
          </button>
          <button type="button" className="btn btn--small btn--ghost" onClick={() => setEditing(false)}>
            Cancel
          </button>
        </form>
      ) : (
        <div className="station-card__actions">
          <button type="button" className="btn btn--small" onClick={() => setEditing(true)}>
            Capacity
          </button>
          <button type="button" className="btn btn--small btn--ghost" onClick={() => onSave({ capacity: station.capacity, active: !station.active })}>
            {station.active ? 'Switch off' : 'Switch on'}
          </button>
        </div>
      )}
    </article>
  );
}
