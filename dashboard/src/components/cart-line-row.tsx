import { useState } from 'react';
import { config } from '../config.ts';
import type { CartLine, PricedLine } from '../model/cart.ts';
import { parseQuantity } from '../model/cart.ts';
import { courseLabel, courses } from '../model/labels.ts';
import { formatMoney } from '../model/format.ts';

export interface CartLineRowProps {
  readonly line: PricedLine;
  readonly onChange: (patch: Partial<Omit<CartLine, 'key' | 'productId'>>) => void;
  readonly onRemove: () => void;
}

/** One order line: quantity stepper (or typed), modifiers, notes, course, guest allergy, line total. */
export function CartLineRow({ line, onChange, onRemove }: CartLineRowProps) {
  const [qtyText, setQtyText] = useState(String(line.quantity));
  const [details, setDetails] = useState(line.modifiers !== '' || line.notes !== '' || line.allergy !== '' || line.course !== 1);
  const shownQty = parseQuantity(qtyText) === line.quantity ? qtyText : String(line.quantity);
  const setQty = (text: string) => {
    setQtyText(text);
    onChange({ quantity: parseQuantity(text) });
  };
  const money = (cents: number) => formatMoney(cents, config.currency, config.locale);
  return (
    <li className={`cart-line${line.quantity < 1 ? ' cart-line--invalid' : ''}`} data-line-product={line.productId}>
      <div className="cart-line__main">
        <div className="stepper">
          <button type="button" aria-label={`One less ${line.name}`} onClick={() => setQty(String(Math.max(0, line.quantity - 1)))}>
            −
          </button>
          <input inputMode="numeric" aria-label={`Quantity of ${line.name}`} value={shownQty} onChange={(e) => setQty(e.target.value)} />
          <button type="button" aria-label={`One more ${line.name}`} onClick={() => setQty(String(line.quantity + 1))}>
            +
          </button>
        </div>
        <div className="cart-line__name">
          {line.name}
          <span className="muted"> · {money(line.unitPriceCents)}</span>
          {line.course > 1 && <span className="course-chip">{courseLabel(line.course)}</span>}
          {line.allergy.trim() !== '' && <span className="allergy-chip">Allergy</span>}
          {!line.available && <span className="form-error"> not available (off the menu or sold out)</span>}
          {line.options.length > 0 && <span className="cart-line__options">{line.options.join(' · ')}</span>}
        </div>
        <span className="cart-line__total">{money(line.lineTotalCents)}</span>
        <button type="button" className="icon-btn" aria-label={`Remove ${line.name}`} onClick={onRemove}>
          ×
        </button>
      </div>
      {details ? (
        <div className="cart-line__details">
          <input placeholder="Modifiers, comma-separated (no onions, extra cheese)" aria-label="Modifiers" value={line.modifiers} onChange={(e) => onChange({ modifiers: e.target.value })} />
          <input placeholder="Note for the kitchen" aria-label="Notes" value={line.notes} maxLength={500} onChange={(e) => onChange({ notes: e.target.value })} />
          <div className="cart-line__service">
            <select aria-label={`Course of ${line.name}`} value={line.course} onChange={(e) => onChange({ course: Number(e.target.value) })}>
              {courses.map((c) => (
                <option key={c} value={c}>
                  {courseLabel(c)}
                </option>
              ))}
            </select>
            <input placeholder="Guest allergy for this dish" aria-label={`Guest allergy for ${line.name}`} value={line.allergy} maxLength={200} onChange={(e) => onChange({ allergy: e.target.value })} />
          </div>
        </div>
      ) : (
        <button type="button" className="link-btn" onClick={() => setDetails(true)}>
          + modifiers, note, course or allergy
        </button>
      )}
    </li>
  );
}
