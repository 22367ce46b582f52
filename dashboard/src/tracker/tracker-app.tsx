import { useEffect } from 'react';
import { orderNumber } from '../model/format.ts';
import { TrackerError } from './tracker-error.tsx';
import { TrackerView } from './tracker-view.tsx';
import { useTrackedOrder } from './use-tracked-order.ts';

/** `/track/:token`: the customer's read-only view of one order. */
export function TrackerApp({ token }: { token: string }) {
  const state = useTrackedOrder(token);
  useEffect(() => {
    document.title = state.kind === 'order' ? `Order ${orderNumber(state.order.id)} · tracking` : 'Order tracking';
  }, [state]);
  return (
    <div className="tracker">
      {state.kind === 'invalid' && <TrackerError />}
      {state.kind === 'loading' && (
        <main className="tracker__card tracker__loading" aria-busy="true">
          <div className="spinner" aria-hidden="true" />
          <p>{state.health && !state.health.browserOnline ? 'You are offline. Waiting for a connection…' : 'Loading your order…'}</p>
        </main>
      )}
      {state.kind === 'order' && <TrackerView order={state.order} health={state.health} />}
      <footer className="tracker__footer">Order tracking by kitchensync</footer>
    </div>
  );
}
