import type { ProductForm } from '../model/product-form.ts';

type Row = ProductForm['ingredients'][number];

/** Ingredient rows: name, quantity per portion and unit. */
export function IngredientEditor({ rows, onChange }: { rows: readonly Row[]; onChange: (rows: Row[]) => void }) {
  const set = (i: number, patch: Partial<Row>) => onChange(rows.map((r, n) => (n === i ? { ...r, ...patch } : r)));
  return (
    <div className="list-editor">
      {rows.map((r, i) => (
        <div key={i} className="list-editor__row list-editor__row--ingredient">
          <input value={r.name} placeholder="Ingredient" aria-label={`Ingredient ${i + 1}`} maxLength={200} onChange={(e) => set(i, { name: e.target.value })} />
          <input value={r.quantity} placeholder="Qty" aria-label={`Quantity ${i + 1}`} inputMode="decimal" onChange={(e) => set(i, { quantity: e.target.value })} />
          <input value={r.unit} placeholder="Unit" aria-label={`Unit ${i + 1}`} maxLength={20} onChange={(e) => set(i, { unit: e.target.value })} />
          <button type="button" className="icon-btn" aria-label="Remove" onClick={() => onChange(rows.filter((_, n) => n !== i))}>
            ×
          </button>
        </div>
      ))}
      <button type="button" className="link-btn" onClick={() => onChange([...rows, { name: '', quantity: '', unit: 'g' }])}>
        + ingredient
      </button>
    </div>
  );
}
