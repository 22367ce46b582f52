import type { Order } from '@kitchensync/shared';
import type { SyncHealth } from '@kitchensync/sync-client';
import { config } from '../config.ts';
import { etaFor } from '../model/eta.ts';
import { formatMoney, orderNumber } from '../model/format.ts';
import { customerStatus, etaText } from '../model/tracker-text.ts';
import { useNow } from '../sync/use-now.ts';
import { TrackerLines } from './tracker-lines.tsx';
import { TrackerSteps } from './tracker-steps.tsx';

/** One order as its customer sees it: status, ETA, steps with times, lines. Updates itself. */
export function TrackerView({ order, health }: { order: Order; health: SyncHealth }) {
  const now = useNow(10_000);
  const eta = etaFor(order, now);
  return (
    <main className={`tracker__card tracker__card--${order.status}`} data-tracker="order" data-order-id={order.id} data-status={order.status}>
      <header className="tracker__head">
        <span className="tracker__number">Order {orderNumber(order.id)}</span>
        <span className={`tracker__live${health.online ? '' : ' is-offline'}`}>
          <span className="tracker__live-dot" aria-hidden="true" />
          {health.online ? 'Live' : 'Reconnecting…'}
        </span>
      </header>
      <section className="tracker__hero" aria-live="polite">
        <p className="tracker__greeting">Hi {order.customer.name.split(' ')[0]},</p>
        <h1 className="tracker__status" data-status={order.status}>
          {customerStatus(order.status, order.channel)}
        </h1>
        <p className="tracker__eta" data-eta={eta.kind}>
          {etaText(eta, order.channel)}
        </p>
      </section>
      <TrackerSteps order={order} />
      <section className="tracker__section">
        <h2>Your order</h2>
        <TrackerLines order={order} />
        <div className="tracker__total">
          <span>Total</span>
          <strong>{formatMoney(order.totalCents, config.currency, config.locale)}</strong>
        </div>
      </section>
      <p className="tracker__note muted small">This page updates by itself — no need to refresh.</p>
    </main>
  );
}
