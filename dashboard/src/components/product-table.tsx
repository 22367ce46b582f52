import type { Product } from '@kitchensync/shared';
import { config } from '../config.ts';
import { formatMoney, formatPrep } from '../model/format.ts';
import { stationTypeLabel } from '../model/labels.ts';
import type { MenuCategory } from '../model/menu.ts';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** The whole menu by category; a row opens the editor. */
export function ProductTable({ menu, selectedId, onSelect }: { menu: readonly MenuCategory[]; selectedId: string | undefined; onSelect: (p: Product) => void }) {
  return (
    <table className="table product-table">
      <thead>
        <tr>
          <th>Product</th>
          <th className="num">Price</th>
          <th>Station</th>
          <th className="num">Prep</th>
          <th>Allergens</th>
          <th className="num">Recipe</th>
        </tr>
      </thead>
      {menu.map((c) => (
        <tbody key={c.name}>
          <tr className="table__group">
            <th colSpan={6}>{c.name}</th>
          </tr>
          {c.products.map((p) => (
            <tr
              key={p.id}
              className={`table__row--clickable${p.id === selectedId ? ' is-selected' : ''}${p.active ? '' : ' is-inactive'}`}
              onClick={() => onSelect(p)}
              data-product-id={p.id}
            >
              <td>
                <button type="button" className="link-btn link-btn--strong" onClick={() => onSelect(p)}>
                  {p.name}
                </button>
                {!p.active && <span className="pill pill--muted">off menu</span>}
                <div className="muted small">
                  {plural(p.ingredients.length, 'ingredient')} · {plural(p.recipeSteps.length, 'step')}
                </div>
              </td>
              <td className="num">{formatMoney(p.priceCents, config.currency, config.locale)}</td>
              <td>{stationTypeLabel(p.stationType)}</td>
              <td className="num">{formatPrep(p.prepSeconds)}</td>
              <td>{p.allergens.length === 0 ? <span className="muted">—</span> : p.allergens.map((a) => <span key={a} className="chip">{a}</span>)}</td>
              <td className="num">v{p.recipeVersion}</td>
            </tr>
          ))}
        </tbody>
      ))}
    </table>
  );
}
