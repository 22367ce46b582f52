import type { KitchenOrder } from '@kitchensync/shared';
import type { SyncClient } from '@kitchensync/sync-client';
import { useRejections } from '@kitchensync/sync-client/react';
import { rejectionNotice } from '../model/rejection-notice.ts';

export interface RejectionNoticesProps {
  readonly client: SyncClient;
  readonly ticketById: (id: string) => KitchenOrder | undefined;
  readonly stationName: (id: string) => string;
}

/** Changes the server undid: which ticket, what was undone, why; each stays until acknowledged. */
export function RejectionNotices({ client, ticketById, stationName }: RejectionNoticesProps) {
  const rejections = useRejections(client);
  if (rejections.length === 0) return null;
  const notices = rejections.map((r) => rejectionNotice(r, client.describeMutation(r.clientID, r.mutationID), ticketById, stationName));
  const onDismiss = (key: string) => void client.dismissRejection(key).catch(() => undefined);
  return (
    <section className="rejections" aria-label="Changes undone by the server">
      {notices.map((n) => (
        <div key={n.key} className="rejection" role="alert" data-rejection-key={n.key}>
          <span className="rejection__ticket">{n.ticket}</span>
          <span className="rejection__what">{n.headline}</span>
          <span className="rejection__why">{n.detail}</span>
          <button type="button" className="btn btn--ghost" onClick={() => onDismiss(n.key)}>
            OK, got it
          </button>
        </div>
      ))}
    </section>
  );
}
