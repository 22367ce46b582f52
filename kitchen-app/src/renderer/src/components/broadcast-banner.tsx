import { broadcastText, type SyncClient } from '@kitchensync/sync-client';
import { useBroadcasts } from '@kitchensync/sync-client/react';

/** Tenant-wide messages from the manager ("86 salmon"), newest last. */
export function BroadcastBanner({ client }: { client: Pick<SyncClient, 'onBroadcast'> }) {
  const { messages, dismiss: onDismiss } = useBroadcasts(client);
  if (messages.length === 0) return null;
  return (
    <section className="broadcasts" aria-label="Broadcasts">
      {messages.map((m) => (
        <div key={m.id} className="broadcast" role="status">
          <span className="broadcast__icon">📣</span>
          <span className="broadcast__text">{broadcastText(m.message)}</span>
          <button type="button" className="btn btn--ghost" onClick={() => onDismiss(m.id)}>
            Dismiss
          </button>
        </div>
      ))}
    </section>
  );
}
