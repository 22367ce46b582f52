import { formatAge, hubBacklogText, pathLabel, type HubBacklog, type SyncHealth, type SyncPath } from '@kitchensync/sync-client';
import { syncLabel } from '../model/sync-label.ts';

/**
 * Always visible: link state, unconfirmed changes and when the server last confirmed one; with a
 * hub configured, which way changes travel and how many wait at the hub for the cloud.
 */
export function SyncStatus({ health, path, backlog }: { health: SyncHealth; path?: SyncPath | undefined; backlog?: HubBacklog | undefined }) {
  const confirmed = health.lastConfirmedAt ?? health.lastPullAt;
  const label = syncLabel(health);
  const backlogText = hubBacklogText(backlog, health.now);
  const title = `Server confirmed ${confirmed === undefined ? 'nothing yet' : `${formatAge(health.now - confirmed)} ago`}`;
  return (
    <div className={`sync-status sync-status--${label.tone}`} role="status" aria-live="polite" data-level={health.level} title={title}>
      <span className="sync-status__dot" aria-hidden="true" />
      <span className="sync-status__label">{label.text}</span>
      {path && (
        <span className="sync-status__path" data-path={path}>
          {pathLabel[path]}
        </span>
      )}
      {path === 'hub' && backlogText && (
        <span className="sync-status__hub-backlog" data-hub-pending={backlog?.pending}>
          {backlogText}
        </span>
      )}
      <span className="sync-status__pending" data-pending={health.pendingCount}>
        {health.pendingCount === 0 ? 'all saved' : `${health.pendingCount} pending`}
      </span>
      <span className="sync-status__confirmed">
        {confirmed === undefined ? 'not synced yet' : `synced ${formatAge(health.now - confirmed)}${formatAge(health.now - confirmed) === 'just now' ? '' : ' ago'}`}
      </span>
    </div>
  );
}
