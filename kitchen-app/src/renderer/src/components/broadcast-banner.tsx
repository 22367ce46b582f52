import { broadcastText } from '@kitchensync/sync-client';
import type { ReceivedBroadcast } from '@kitchensync/sync-client/react';

/** Tenant-wide messages from the manager ("86 salmon"), newest last. */
export function BroadcastBanner({ messages, onDismiss }: { messages: readonly ReceivedBroadcast[]; onDismiss: (id: number) => void }) {
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
