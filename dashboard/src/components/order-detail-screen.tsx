import { openTicketStatuses } from '@kitchensync/shared';
import { useMemo } from 'react';
import { displayNumber, formatClock, tableLabel } from '../model/format.ts';
import { contractsOfOrder, heldCourses, progressByStation, staleRecipes } from '../model/kitchen.ts';
import { timelineFromHistory, timelineFromStatusTimes } from '../model/timeline.ts';
import { Link } from '../routing/link.tsx';
import { useOrderCommands } from '../sync/use-order-commands.ts';
import { useOrderHistory } from '../sync/use-order-history.ts';
import { useContracts, useKitchenOrders, useOrders, useProducts, useStations } from '../sync/use-replica.ts';
import { ChannelBadge } from './channel-badge.tsx';
import { ContractPanel } from './contract-panel.tsx';
import { HeldCoursesCard } from './held-courses-card.tsx';
import { InlineError } from './inline-error.tsx';
import { KitchenProgressPanel } from './kitchen-progress-panel.tsx';
import { OrderActionBar } from './order-action-bar.tsx';
import { OrderLinesTable } from './order-lines-table.tsx';
import { RushCard } from './rush-card.tsx';
import { StatusBadge } from './status-badge.tsx';
import { StatusTimeline } from './status-timeline.tsx';
import { TrackingLinkCard } from './tracking-link-card.tsx';

/** Everything about one order: lines, history, contract versions, kitchen progress, tracking link. */
export function OrderDetailScreen({ orderId, token }: { orderId: string; token: string }) {
  const orders = useOrders();
  const { map: contracts } = useContracts();
  const { map: tickets } = useKitchenOrders();
  const { map: stations } = useStations();
  const { map: products } = useProducts();
  const commands = useOrderCommands();
  const order = orders.map.get(orderId);
  const history = useOrderHistory(token, orderId, order?.updatedAt);

  const versions = useMemo(() => contractsOfOrder(contracts.values(), orderId), [contracts, orderId]);
  const current = versions.find((c) => c.version === order?.contractVersion);
  const progress = useMemo(() => (order ? progressByStation(order, tickets.values(), stations) : []), [order, tickets, stations]);
  const stationName = (id: string) => stations.get(id)?.name ?? id;
  const fromAudit = history ? timelineFromHistory(history, stationName) : [];
  const timeline = fromAudit.length > 0 ? fromAudit : order ? timelineFromStatusTimes(order) : [];

  if (!order) {
    return (
      <section className="empty-state">
        <h1>{orders.loaded ? 'This order is not here' : 'Loading…'}</h1>
        {orders.loaded && <p className="muted">It may belong to another restaurant, or this device has not synced it yet.</p>}
        <Link to={{ name: 'board' }} className="btn">
          Back to orders
        </Link>
      </section>
    );
  }
  const stale = staleRecipes(current, (id) => products.get(id)?.recipeVersion);
  const kitchenStillWorking = progress.some((p) => openTicketStatuses.includes(p.status));
  return (
    <div className="order-detail" data-order-id={order.id} data-status={order.status}>
      <Link to={{ name: 'board' }} className="back-link">
        ← Orders
      </Link>
      <div className="page-head">
        <div>
          <h1 className="order-detail__title">
            Order {displayNumber(order)} <StatusBadge status={order.status} /> <ChannelBadge channel={order.channel} />
          </h1>
          <p className="muted">
            {order.customer.name}
            {order.customer.phone && ` · ${order.customer.phone}`}
            {order.customer.email && ` · ${order.customer.email}`} · placed {formatClock(order.createdAt)}
          </p>
          {tableLabel(order) && (
            <p className="muted" data-service>
              {tableLabel(order)}
            </p>
          )}
          {order.allergy && <p className="allergy-note">Guest allergy: {order.allergy}</p>}
          {order.cancelReason && <p className="note">Cancelled: “{order.cancelReason}”</p>}
        </div>
        <OrderActionBar order={order} onMove={commands.move} onCancel={commands.cancel} withBack />
      </div>
      <InlineError message={commands.error} onDismiss={commands.clearError} />
      <div className="order-detail__grid">
        <div className="order-detail__main">
          <section className="card">
            <h2>Lines</h2>
            <OrderLinesTable order={order} />
          </section>
          <RushCard order={order} onRush={(rush) => commands.setRush(order, rush)} />
          <HeldCoursesCard held={heldCourses(progress)} onFire={(course) => commands.fireCourse(order, course)} />
          <KitchenProgressPanel progress={progress} />
          <ContractPanel contracts={versions} staleRecipes={stale} canReissue={kitchenStillWorking} onReissue={() => commands.reissue(order)} />
        </div>
        <aside className="order-detail__side">
          <TrackingLinkCard token={order.trackingToken} />
          <section className="card">
            <h2>Timeline</h2>
            <StatusTimeline entries={timeline} source={fromAudit.length > 0 ? 'audit' : 'replica'} />
          </section>
        </aside>
      </div>
    </div>
  );
}
