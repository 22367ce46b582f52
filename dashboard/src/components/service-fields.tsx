import type { Channel } from '@kitchensync/shared';
import type { ServiceInput } from '../model/cart.ts';

/** Table and guest count for dine-in, and a guest allergy that goes on every ticket of the order. */
export function ServiceFields({ channel, value, onChange }: { channel: Channel; value: ServiceInput; onChange: (v: ServiceInput) => void }) {
  return (
    <div className="service-fields">
      {channel === 'dine_in' && (
        <div className="field-row">
          <label className="field">
            <span className="field__label">Table</span>
            <input name="table" value={value.table} maxLength={20} placeholder="12" onChange={(e) => onChange({ ...value, table: e.target.value })} />
          </label>
          <label className="field">
            <span className="field__label">Guests</span>
            <input name="guests" inputMode="numeric" value={value.guests} maxLength={2} placeholder="2" onChange={(e) => onChange({ ...value, guests: e.target.value })} />
          </label>
        </div>
      )}
      <label className="field">
        <span className="field__label">
          Guest allergy <span className="muted">(whole order; locks every ticket until a cook acknowledges it)</span>
        </span>
        <input name="orderAllergy" value={value.allergy} maxLength={200} placeholder="e.g. severe peanut allergy" onChange={(e) => onChange({ ...value, allergy: e.target.value })} />
      </label>
    </div>
  );
}
