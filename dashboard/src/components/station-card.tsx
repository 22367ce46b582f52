import type { KitchenOrder, Station } from '@kitchensync/shared';
import { useState } from 'react';
import { stationLoad } from '../model/kitchen.ts';
import { parseStationSettings, settingsOf, type StationSettings } from '../model/station-settings.ts';
import { ticketNumberOf } from '../model/format.ts';
import { stationTypeLabel, ticketStatusLabel } from '../model/labels.ts';

export interface StationCardProps {
  readonly station: Station;
  /** The station's open tickets, oldest first. */
  readonly tickets: readonly KitchenOrder[];
  readonly onSave: (patch: StationSettings & { active: boolean }) => void;
}

const levelText = { idle: 'Idle', normal: 'Working', busy: 'Busy', full: 'At capacity' } as const;

const asText = (s: StationSettings) => ({ capacity: String(s.capacity), warnMinutes: String(s.warnMinutes), lateMinutes: String(s.lateMinutes) });

/**
 * A station's live load (open tickets against capacity), with capacity, the kitchen screen's aging
 * thresholds (warn / late, minutes since a ticket was fired) and on/off editable.
 */
export function StationCard({ station, tickets, onSave }: StationCardProps) {
  const [editing, setEditing] = useState(false);
  const current = settingsOf(station);
  const [form, setForm] = useState(() => asText(current));
  const { ratio, level } = stationLoad(station);
  const parsed = parseStationSettings(form);
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
              {ticketNumberOf(t)}
            </li>
          ))}
        </ul>
      )}
      <p className="muted small" data-thresholds={`${current.warnMinutes}/${current.lateMinutes}`}>
        Tickets turn amber after {current.warnMinutes} min, red after {current.lateMinutes} min
      </p>
      {editing ? (
        <form
          className="station-card__edit"
          aria-label={`Settings of ${station.name}`}
          onSubmit={(e) => {
            e.preventDefault();
            if (!parsed.ok) return;
            onSave({ ...parsed.settings, active: station.active });
            setEditing(false);
          }}
        >
          <div className="station-card__fields">
            <label className="field">
              <span className="field__label">Capacity</span>
              <input name="capacity" inputMode="numeric" value={form.capacity} onChange={(e) => setForm({ ...form, capacity: e.target.value })} />
            </label>
            <label className="field">
              <span className="field__label">Warn (min)</span>
              <input name="warnMinutes" inputMode="numeric" value={form.warnMinutes} onChange={(e) => setForm({ ...form, warnMinutes: e.target.value })} />
            </label>
            <label className="field">
              <span className="field__label">Late (min)</span>
              <input name="lateMinutes" inputMode="numeric" value={form.lateMinutes} onChange={(e) => setForm({ ...form, lateMinutes: e.target.value })} />
            </label>
          </div>
          {!parsed.ok && <p className="form-error small">{parsed.problem}</p>}
          <div className="station-card__actions">
            <button type="submit" className="btn btn--small btn--primary" disabled={!parsed.ok}>
              Save
            </button>
            <button type="button" className="btn btn--small btn--ghost" onClick={() => setEditing(false)}>
              Cancel
            </button>
          </div>
        </form>
      ) : (
        <div className="station-card__actions">
          <button
            type="button"
            className="btn btn--small"
            onClick={() => {
              setForm(asText(current));
              setEditing(true);
            }}
          >
            Settings
          </button>
          <button type="button" className="btn btn--small btn--ghost" onClick={() => onSave({ ...current, active: !station.active })}>
            {station.active ? 'Switch off' : 'Switch on'}
          </button>
        </div>
      )}
    </article>
  );
}
