import { productsFor } from '../model/sold-out.ts';
import type { ProductLabel } from '../sync/use-kitchen-data.ts';

export interface SoldOutDrawerProps {
  readonly products: readonly ProductLabel[];
  /** Only these station types' products (a station screen); every product when undefined (expo). */
  readonly stationTypes: ReadonlySet<string> | undefined;
  readonly onToggle: (productId: string, soldOut: boolean) => void;
  readonly onClose: () => void;
}

/** "86" a product from the line (and back): the front of house sees it unavailable at once. */
export function SoldOutDrawer(p: SoldOutDrawerProps) {
  const shown = productsFor(p.products, p.stationTypes);
  return (
    <div className="drawer drawer--86" role="dialog" aria-label="86 — sold out items">
      <header className="drawer__head">
        <h2>86 — what is out</h2>
        <span className="muted">
          <kbd>Esc</kbd> close
        </span>
        <button type="button" className="btn btn--ghost" onClick={p.onClose}>
          Close
        </button>
      </header>
      <ul className="drawer__list" tabIndex={0} aria-label="Products">
        {shown.map((x) => (
          <li key={x.id} className={`product ${x.soldOut ? 'product--out' : ''}`} data-product-id={x.id}>
            <span className="product__name">{x.name}</span>
            <span className="product__state">{x.soldOut ? '86 — SOLD OUT' : 'available'}</span>
            <button type="button" className={`btn ${x.soldOut ? 'btn--done' : 'btn--warn'}`} onClick={() => p.onToggle(x.id, !x.soldOut)}>
              {x.soldOut ? 'Back on' : '86 it'}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
