import { formatAge, hubBacklogText, pathLabel, type HealthLevel, type SyncClient } from '@kitchensync/sync-client';
import { useSyncHealth, useSyncPath } from '@kitchensync/sync-client/react';

/** The network is up but the server is silent: "offline" would send the cook to check the Wi-Fi. */
const serverSilent = 'SERVER NOT ANSWERING — working locally';

const headline: Record<HealthLevel, string> = {
  ok: 'Online',
  syncing: 'Online — sending',
  offline: 'OFFLINE — working locally',
  stuck: 'STUCK — server not confirming',
  'auth-error': 'Token refused — check settings',
  'update-required': 'UPDATE REQUIRED — the server no longer serves this app; changes are kept on this screen',
  'server-outdated': 'SERVER MUST BE UPDATED — it runs an older release than this screen; changes are kept here',
};

const ago = (ms: number) => {
  const age = formatAge(ms);
  return age === 'just now' ? age : `${age} ago`;
};

/** Always on screen: link state, unconfirmed changes and when the server last confirmed one. */
export function SyncHealthBar({ client }: { client: Pick<SyncClient, 'health' | 'path' | 'hubBacklog'> }) {
  // Subscribed here, not in the screen: the once-a-second tick re-renders only this bar.
  const health = useSyncHealth(client);
  const { path, backlog } = useSyncPath(client);
  const confirmed = health.lastConfirmedAt;
  const backlogText = hubBacklogText(backlog, health.now);
  return (
    <div
      className={`health health--${health.level}`}
      role="status"
      data-level={health.level}
      data-server-unreachable={health.serverUnreachable}
      aria-live="polite"
    >
      <span className="health__dot" />
      <span className="health__headline">{health.level === 'offline' && health.serverUnreachable ? serverSilent : headline[health.level]}</span>
      {path && (
        <span className="health__path" data-path={path}>
          {pathLabel[path]}
        </span>
      )}
      {path === 'hub' && backlog && backlogText && (
        <span className="health__hub-backlog" data-hub-pending={backlog.pending}>
          {backlogText}
        </span>
      )}
      <span className="health__pending" data-pending={health.pendingCount}>
        {health.pendingCount === 0 ? 'all changes saved' : `${health.pendingCount} not yet accepted`}
      </span>
      {health.pendingCount > 0 && <span className="health__waiting">waiting {formatAge(health.waitingMs)}</span>}
      <span className="health__confirmed">
        {confirmed === undefined ? 'no change confirmed yet' : `server confirmed a change ${ago(health.now - confirmed)}`}
      </span>
      {health.lastPullAt !== undefined && <span className="health__pulled">updated {ago(health.now - health.lastPullAt)}</span>}
    </div>
  );
}
