import type { Product } from '@kitchensync/shared';
import { useMemo, useState } from 'react';
import { newId } from '../model/ids.ts';
import { knownStationTypes, menuByCategory } from '../model/menu.ts';
import { emptyProductForm, productToForm, type ProductForm } from '../model/product-form.ts';
import { useProducts, useStations } from '../sync/use-replica.ts';
import { ProductEditor } from './product-editor.tsx';
import { ProductTable } from './product-table.tsx';
import { StaleOrdersNotice } from './stale-orders-notice.tsx';

type Editing = { key: string; form: ProductForm } | undefined;

/** The menu: every product with its price, station, prep time, allergens and recipe. */
export function MenuScreen() {
  const { map: products } = useProducts();
  const { map: stations } = useStations();
  const [editing, setEditing] = useState<Editing>();
  const menu = useMemo(() => menuByCategory(products.values()), [products]);
  const stationTypes = useMemo(() => knownStationTypes([...stations.values()].map((s) => s.type), products.values()), [stations, products]);
  const editingId = editing?.form.id;
  const open = (p: Product) => setEditing({ key: `${p.id}:${p.recipeVersion}:${Date.now()}`, form: productToForm(p) });
  const create = () => {
    const form = emptyProductForm(newId('p'), stationTypes[0] ?? '');
    setEditing({ key: form.id, form });
  };

  return (
    <div className="menu-screen">
      <div className="page-head">
        <div>
          <h1>Menu</h1>
          <p className="muted">
            {products.size} products · changes reach the kitchen and every device at once
          </p>
        </div>
        <button type="button" className="btn btn--primary" onClick={create}>
          + New product
        </button>
      </div>
      <div className={`split${editing ? ' split--open' : ''}`}>
        <section className="card card--flush">
          {menu.length === 0 ? <p className="empty-note">No products yet.</p> : <ProductTable menu={menu} selectedId={editingId} onSelect={open} />}
        </section>
        {editing && (
          <div className="split__side">
            {editingId && products.get(editingId) && <StaleOrdersNotice product={products.get(editingId) as Product} />}
            <ProductEditor
              key={editing.key}
              initial={editing.form}
              product={editingId ? products.get(editingId) : undefined}
              stationTypes={stationTypes}
              categories={menu.map((c) => c.name)}
              onDone={() => setEditing(undefined)}
            />
          </div>
        )}
      </div>
    </div>
  );
}
