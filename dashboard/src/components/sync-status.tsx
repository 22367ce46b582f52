import { formatAge, type SyncHealth } from '@kitchensync/sync-client';
import { syncLabel } from '../model/sync-label.ts';

/** Always visible: link state, unconfirmed changes and when the server last confirmed one. */
export function SyncStatus({ health }: { health: SyncHealth }) {
  const confirmed = health.lastConfirmedAt ?? health.lastPullAt;
  const label = syncLabel(health);
  const title = `Server confirmed ${confirmed === undefined ? 'nothing yet' : `${formatAge(health.now - confirmed)} ago`}`;
  return (
    <div className={`sync-status sync-status--${label.tone}`} role="status" aria-live="polite" data-level={health.level} title={title}>
      <span className="sync-status__dot" aria-hidden="true" />
      <span className="sync-status__label">{label.text}</span>
      <span className="sync-status__pending" data-pending={health.pendingCount}>
        {health.pendingCount === 0 ? 'all saved' : `${health.pendingCount} pending`}
      </span>
      <span className="sync-status__confirmed">
        {confirmed === undefined ? 'not synced yet' : `synced ${formatAge(health.now - confirmed)}${formatAge(health.now - confirmed) === 'just now' ? '' : ' ago'}`}
      </span>
    </div>
  );
}
