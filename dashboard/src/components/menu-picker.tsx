import type { Product } from '@kitchensync/shared';
import { useMemo, useState } from 'react';
import { config } from '../config.ts';
import { formatMoney, formatPrep } from '../model/format.ts';
import { orderable } from '../model/cart.ts';
import { menuByCategory } from '../model/menu.ts';

export interface MenuPickerProps {
  readonly products: Iterable<Product>;
  /** How many of each product the order already has. */
  readonly inCart: ReadonlyMap<string, number>;
  readonly onAdd: (product: Product) => void;
}

/** The menu by category; a tap adds one. A product the kitchen has 86'd shows as sold out and cannot be added. */
export function MenuPicker({ products, inCart, onAdd }: MenuPickerProps) {
  const menu = useMemo(() => menuByCategory(products, { activeOnly: true }), [products]);
  const [category, setCategory] = useState<string>('all');
  const shown = category === 'all' ? menu : menu.filter((c) => c.name === category);
  if (menu.length === 0) {
    return <p className="empty-note">The menu is empty. Add products on the Menu page first.</p>;
  }
  return (
    <div className="menu-picker">
      <div className="tabs" role="tablist" aria-label="Categories">
        {['all', ...menu.map((c) => c.name)].map((name) => (
          <button key={name} type="button" role="tab" aria-selected={category === name} className="tab" onClick={() => setCategory(name)}>
            {name === 'all' ? 'All' : name}
          </button>
        ))}
      </div>
      {shown.map((c) => (
        <section key={c.name} className="menu-picker__category">
          <h3>{c.name}</h3>
          <div className="menu-picker__grid">
            {c.products.map((p) => (
              <button
                key={p.id}
                type="button"
                className={`product-tile${orderable(p) ? '' : ' product-tile--sold-out'}`}
                data-product-id={p.id}
                data-sold-out={p.soldOut === true || undefined}
                disabled={!orderable(p)}
                onClick={() => onAdd(p)}
              >
                <span className="product-tile__name">{p.name}</span>
                {p.soldOut === true && <span className="product-tile__sold-out">86 · sold out</span>}
                <span className="product-tile__price">{formatMoney(p.priceCents, config.currency, config.locale)}</span>
                <span className="product-tile__meta muted">
                  {formatPrep(p.prepSeconds)}
                  {p.allergens.length > 0 && ` · ${p.allergens.join(', ')}`}
                </span>
                {(inCart.get(p.id) ?? 0) > 0 && <span className="product-tile__count">{inCart.get(p.id)}</span>}
              </button>
            ))}
          </div>
        </section>
      ))}
    </div>
  );
}
