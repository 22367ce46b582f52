import { openTicketStatuses, type Product } from '@kitchensync/shared';
import { useEffect, useMemo, useRef, useState } from 'react';
import { displayNumber } from '../model/format.ts';
import { staleRecipes } from '../model/kitchen.ts';
import { useSyncClient } from '@kitchensync/sync-client/react';
import { useContracts, useKitchenOrders, useOrders } from '../sync/use-replica.ts';

/**
 * After a recipe change: orders still cooking from the old recipe, and one click to re-issue their
 * contracts. Shown above the editor and scrolled into view, so it is seen right after saving.
 */
export function StaleOrdersNotice({ product }: { product: Product }) {
  const { rep } = useSyncClient();
  const { map: orders } = useOrders();
  const { map: contracts } = useContracts();
  const { map: tickets } = useKitchenOrders();
  const stale = useMemo(() => {
    const cooking = new Set([...tickets.values()].filter((t) => openTicketStatuses.includes(t.status)).map((t) => t.contractId));
    return [...contracts.values()].filter(
      (c) =>
        cooking.has(c.id) &&
        orders.get(c.orderId)?.contractVersion === c.version &&
        staleRecipes(c, (id) => (id === product.id ? product.recipeVersion : undefined)).length > 0,
    );
  }, [orders, contracts, tickets, product]);
  const [reissued, setReissued] = useState(0);
  const banner = useRef<HTMLDivElement>(null);
  const shown = stale.length > 0;
  useEffect(() => {
    if (shown) banner.current?.scrollIntoView({ block: 'nearest' });
  }, [shown]);
  if (!shown) {
    return reissued > 0 ? (
      <p className="banner banner--info" role="status" data-reissued={reissued}>
        Re-issued {reissued} order{reissued === 1 ? '' : 's'}: the kitchen now cooks them from recipe version {product.recipeVersion}.
      </p>
    ) : null;
  }
  const reissueAll = () => {
    for (const c of stale) void rep.mutate.reissueContract({ orderId: c.orderId, at: Date.now() }).catch(() => undefined);
    setReissued(stale.length);
  };
  return (
    <div className="banner banner--info" ref={banner} role="status" data-stale-orders={stale.length}>
      <span>
        {stale.length} order{stale.length === 1 ? ' is' : 's are'} still being cooked from an older recipe of {product.name} (
        {stale.map((c) => displayNumber(orders.get(c.orderId) ?? { id: c.orderId })).join(', ')}).
      </span>
      <button type="button" className="btn btn--small" onClick={reissueAll}>
        Re-issue contracts
      </button>
    </div>
  );
}
