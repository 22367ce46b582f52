import { localServiceDayOf, type Channel, type Choice, type Product } from '@kitchensync/shared';
import { useMemo, useRef, useState } from 'react';
import { config } from '../config.ts';
import { addProduct, buildCreateOrder, cartTotals, noService, orderable, removeLine, updateLine, type CartLine, type CustomerInput, type ServiceInput } from '../model/cart.ts';
import { formatMoney } from '../model/format.ts';
import { newId } from '../model/ids.ts';
import { navigate } from '../routing/use-route.ts';
import { useSyncClient } from '@kitchensync/sync-client/react';
import { useProducts } from '../sync/use-replica.ts';
import { terminalId } from '../sync/use-terminal.ts';
import { asksChoices } from '../model/choices.ts';
import { CartLineRow } from './cart-line-row.tsx';
import { ChoicesDialog } from './choices-dialog.tsx';
import { ChannelPicker } from './channel-picker.tsx';
import { CustomerFields } from './customer-fields.tsx';
import { MenuPicker } from './menu-picker.tsx';
import { ServiceFields } from './service-fields.tsx';
import { ProblemList } from './problem-list.tsx';

const noCustomer: CustomerInput = { name: '', phone: '', email: '' };

/** Writing an order: menu on the left, the order with live totals on the right (on a phone: menu, then order, with a cart bar). */
export function NewOrderScreen() {
  const { rep } = useSyncClient();
  const { map: products } = useProducts();
  const [lines, setLines] = useState<CartLine[]>([]);
  const [channel, setChannel] = useState<Channel>('dine_in');
  const [customer, setCustomer] = useState<CustomerInput>(noCustomer);
  const [service, setService] = useState<ServiceInput>(noService);
  const [problems, setProblems] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const [asking, setAsking] = useState<Product | null>(null);
  const cart = useRef<HTMLFormElement>(null);
  const totals = useMemo(() => cartTotals(lines, products), [lines, products]);
  const inCart = useMemo(() => {
    const counts = new Map<string, number>();
    for (const l of lines) counts.set(l.productId, (counts.get(l.productId) ?? 0) + l.quantity);
    return counts;
  }, [lines]);
  const money = (cents: number) => formatMoney(cents, config.currency, config.locale);
  const add = (product: Product, choices: readonly Choice[] = []) => setLines((l) => addProduct(l, product, () => newId('l'), choices));
  const tap = (product: Product) => {
    if (!orderable(product)) return;
    if (asksChoices(product)) setAsking(product);
    else add(product);
  };

  const submit = async (confirm: boolean) => {
    const at = Date.now();
    const built = buildCreateOrder({ id: newId('o'), channel, customer, service, lines, at }, products);
    if (!built.ok) {
      setProblems(built.problems);
      return;
    }
    setBusy(true);
    try {
      await rep.mutate.createOrder({ ...built.args, terminalId: terminalId(), serviceDay: localServiceDayOf(at) });
      if (confirm) await rep.mutate.confirmOrder({ orderId: built.args.id, at: Date.now() });
      navigate({ name: 'order', id: built.args.id });
    } catch (err) {
      setProblems([err instanceof Error ? err.message : String(err)]);
      setBusy(false);
    }
  };

  return (
    <div className="new-order">
      <div className="page-head">
        <h1>New order</h1>
      </div>
      <div className="new-order__layout">
        <section className="card new-order__menu" aria-label="Menu">
          <MenuPicker products={products.values()} inCart={inCart} onAdd={tap} />
        </section>
        <form ref={cart} id="order-cart" className="card new-order__cart" aria-label="Order" onSubmit={(e) => e.preventDefault()}>
          <h2>Order</h2>
          <ChannelPicker value={channel} onChange={setChannel} />
          <CustomerFields value={customer} onChange={setCustomer} />
          <ServiceFields channel={channel} value={service} onChange={setService} />
          {totals.lines.length === 0 ? (
            <p className="empty-note">Tap dishes on the menu to add them.</p>
          ) : (
            <ul className="cart-lines">
              {totals.lines.map((line) => (
                <CartLineRow
                  key={line.key}
                  line={line}
                  onChange={(patch) => setLines((l) => updateLine(l, line.key, patch))}
                  onRemove={() => setLines((l) => removeLine(l, line.key))}
                />
              ))}
            </ul>
          )}
          <div className="cart-total" aria-live="polite">
            <span>
              {totals.itemCount} item{totals.itemCount === 1 ? '' : 's'}
            </span>
            <strong data-total-cents={totals.totalCents}>{money(totals.totalCents)}</strong>
          </div>
          <ProblemList problems={problems} />
          <div className="cart-actions">
            <button type="button" className="btn" disabled={busy} onClick={() => void submit(false)}>
              Save as new
            </button>
            <button type="button" className="btn btn--primary" disabled={busy} onClick={() => void submit(true)}>
              Create &amp; confirm
            </button>
          </div>
        </form>
      </div>
      {asking && (
        <ChoicesDialog
          product={asking}
          onCancel={() => setAsking(null)}
          onAdd={(choices) => {
            add(asking, choices);
            setAsking(null);
          }}
        />
      )}
      <div className="cart-bar">
        <span>
          {totals.itemCount} item{totals.itemCount === 1 ? '' : 's'} · <strong>{money(totals.totalCents)}</strong>
        </span>
        <button type="button" className="btn btn--primary btn--small" onClick={() => cart.current?.scrollIntoView({ block: 'start' })}>
          View order
        </button>
      </div>
    </div>
  );
}
