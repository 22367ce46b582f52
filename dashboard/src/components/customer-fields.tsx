import type { CustomerInput } from '../model/cart.ts';

export function CustomerFields({ value, onChange }: { value: CustomerInput; onChange: (v: CustomerInput) => void }) {
  return (
    <div className="customer-fields">
      <label className="field">
        <span className="field__label">Customer name</span>
        <input name="customerName" value={value.name} maxLength={200} onChange={(e) => onChange({ ...value, name: e.target.value })} placeholder="Name or table" />
      </label>
      <div className="field-row">
        <label className="field">
          <span className="field__label">Phone <span className="muted">(optional)</span></span>
          <input name="customerPhone" type="tel" value={value.phone} maxLength={40} onChange={(e) => onChange({ ...value, phone: e.target.value })} />
        </label>
        <label className="field">
          <span className="field__label">Email <span className="muted">(optional)</span></span>
          <input name="customerEmail" type="email" value={value.email} maxLength={200} onChange={(e) => onChange({ ...value, email: e.target.value })} />
        </label>
      </div>
    </div>
  );
}
