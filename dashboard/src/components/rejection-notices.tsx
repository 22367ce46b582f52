import { useRejections } from '@kitchensync/sync-client/react';
import { displayNumber } from '../model/format.ts';
import { rejectionNotice } from '../model/rejection-notice.ts';
import { useOrders } from '../sync/use-replica.ts';
import { Link } from '../routing/link.tsx';
import { useSyncClient } from '@kitchensync/sync-client/react';

/** Changes the server refused: the replica already rolled them back; this says what and why. */
export function RejectionNotices() {
  const client = useSyncClient();
  const rejections = useRejections(client);
  const { map: orders } = useOrders();
  if (rejections.length === 0) return null;
  return (
    <div className="notices" aria-live="assertive">
      {rejections.map((r) => {
        const notice = rejectionNotice(r, client.describeMutation(r.clientID, r.mutationID), (id) => displayNumber(orders.get(id) ?? { id }));
        return (
          <div key={notice.key} className="banner banner--danger rejection" role="alert" data-rejection={r.mutationName}>
            <span className="rejection__icon" aria-hidden="true">↺</span>
            <div className="rejection__text">
              <strong>{notice.undone} was undone.</strong> <span className="rejection__reason">The server refused it: {notice.reason}.</span>
            </div>
            {notice.orderId && (
              <Link to={{ name: 'order', id: notice.orderId }} className="btn btn--small btn--ghost">
                View order
              </Link>
            )}
            <button type="button" className="btn btn--small" onClick={() => void client.dismissRejection(notice.key).catch(() => undefined)}>
              Dismiss
            </button>
          </div>
        );
      })}
    </div>
  );
}
