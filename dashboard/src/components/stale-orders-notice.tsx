import { openTicketStatuses, type Product } from '@kitchensync/shared';
import { useMemo } from 'react';
import { orderNumber } from '../model/format.ts';
import { staleRecipes } from '../model/kitchen.ts';
import { useSyncClient } from '@kitchensync/sync-client/react';
import { useContracts, useKitchenOrders, useOrders } from '../sync/use-replica.ts';

/** After a recipe change: orders still cooking from the old recipe, and a way to re-issue their contracts. */
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
  if (stale.length === 0) return null;
  const reissueAll = () => {
    for (const c of stale) void rep.mutate.reissueContract({ orderId: c.orderId, at: Date.now() }).catch(() => undefined);
  };
  return (
    <div className="banner banner--info">
      <span>
        {stale.length} order{stale.length === 1 ? ' is' : 's are'} still being cooked from an older recipe of {product.name} (
        {stale.map((c) => orderNumber(c.orderId)).join(', ')}).
      </span>
      <button type="button" className="btn btn--small" onClick={reissueAll}>
        Re-issue contracts
      </button>
    </div>
  );
}
