import { useState } from 'react';
import { customRange, rangePresets, toDateInput, type DateRange, type RangePreset } from '../model/date-range.ts';

export type RangeChoice = { readonly preset: RangePreset } | { readonly custom: DateRange };

/** Today, a preset, or two dates. */
export function RangePicker({ value, now, onChange }: { value: RangeChoice; now: number; onChange: (c: RangeChoice) => void }) {
  const [from, setFrom] = useState(toDateInput(now - 6 * 86_400_000));
  const [to, setTo] = useState(toDateInput(now));
  const custom = customRange(from, to);
  const isPreset = (id: RangePreset) => 'preset' in value && value.preset === id;
  return (
    <div className="range-picker">
      <div className="segmented" role="radiogroup" aria-label="Period">
        {rangePresets.map((p) => (
          <button key={p.id} type="button" role="radio" aria-checked={isPreset(p.id)} className="segmented__option" onClick={() => onChange({ preset: p.id })}>
            {p.label}
          </button>
        ))}
      </div>
      <form
        className="range-picker__custom"
        onSubmit={(e) => {
          e.preventDefault();
          if (custom) onChange({ custom });
        }}
      >
        <input type="date" aria-label="From" value={from} onChange={(e) => setFrom(e.target.value)} />
        <span className="muted">to</span>
        <input type="date" aria-label="To" value={to} onChange={(e) => setTo(e.target.value)} />
        <button type="submit" className={`btn btn--small${'custom' in value ? ' btn--primary' : ''}`} disabled={!custom}>
          Show
        </button>
      </form>
    </div>
  );
}
