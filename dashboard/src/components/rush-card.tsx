import { rushableStatuses, type Order } from '@kitchensync/shared';

/** RUSH puts the order's tickets first on every kitchen screen; shown while the kitchen can still act on it. */
export function RushCard({ order, onRush }: { order: Pick<Order, 'status' | 'rush'>; onRush: (rush: boolean) => void }) {
  if (!rushableStatuses.includes(order.status)) return null;
  const rush = order.rush === true;
  return (
    <section className={`card rush-card ${rush ? 'rush-card--on' : ''}`} aria-label="Rush" data-rush={rush}>
      <p>
        {rush ? <strong className="rush-badge">RUSH</strong> : 'Kitchen order: oldest fired first.'}
        <span className="muted small"> {rush ? 'Its tickets go first on every kitchen screen.' : 'Rush it to put its tickets first.'}</span>
      </p>
      <button type="button" className={`btn btn--small ${rush ? '' : 'btn--primary'}`} aria-pressed={rush} onClick={() => onRush(!rush)}>
        {rush ? 'Take RUSH off' : 'Rush'}
      </button>
    </section>
  );
}
