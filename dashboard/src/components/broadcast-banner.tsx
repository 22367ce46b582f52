import { broadcastText } from '@kitchensync/sync-client';
import type { ReceivedBroadcast } from '@kitchensync/sync-client/react';
import { formatClock } from '../model/format.ts';

/** Messages the administrator broadcast to this restaurant. */
export function BroadcastBanner({ messages, onDismiss }: { messages: readonly ReceivedBroadcast[]; onDismiss: (id: number) => void }) {
  if (messages.length === 0) return null;
  return (
    <div className="notices">
      {messages.map((m) => (
        <div key={m.id} className="banner banner--info" role="status" data-banner="broadcast">
          <strong>Message · {formatClock(m.at)}</strong> {broadcastText(m.message)}
          <button type="button" className="btn btn--small btn--ghost" onClick={() => onDismiss(m.id)}>
            Dismiss
          </button>
        </div>
      ))}
    </div>
  );
}
