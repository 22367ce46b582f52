import { formatAge, type SyncHealth } from '@kitchensync/sync-client';
import { syncLabel } from '../model/sync-label.ts';
import { useSettled } from '../sync/use-settled.ts';

/** A dropped socket that reconnects within this time is not worth a banner. */
const offlineAfterMs = 1500;

/** Says loudly what the status pill says quietly: offline, stuck, or the token was refused. */
export function HealthBanner({ health, onSignOut, onRetry }: { health: SyncHealth; onSignOut: () => void; onRetry: () => void }) {
  const offline = useSettled(syncLabel(health).tone === 'offline', health.browserOnline ? offlineAfterMs : 0);
  const pending = health.pendingCount === 0 ? '' : ` ${health.pendingCount} change${health.pendingCount === 1 ? '' : 's'} will be sent when the connection returns.`;
  const confirmed = health.lastConfirmedAt ?? health.lastPullAt;
  const since = confirmed === undefined ? '' : ` Last confirmed by the server ${formatAge(health.now - confirmed)} ago.`;
  if (health.level === 'auth-error') {
    return (
      <div className="banner banner--danger" role="alert" data-banner="auth-error">
        <strong>The server refused this token.</strong> It may have been revoked. Sign in again with a valid token.
        <button type="button" className="btn btn--small" onClick={onSignOut}>
          Sign in again
        </button>
      </div>
    );
  }
  if (health.level === 'update-required') {
    return (
      <div className="banner banner--danger" role="alert" data-banner="update-required">
        <strong>Update required.</strong> The server no longer serves this version of the app. Reload to update: changes are kept on this device and sent once updated.
        {health.pendingCount > 0 && ` ${health.pendingCount} change${health.pendingCount === 1 ? '' : 's'} waiting.`}
        <button type="button" className="btn btn--small" onClick={() => window.location.reload()}>
          Reload
        </button>
      </div>
    );
  }
  if (health.level === 'server-outdated') {
    return (
      <div className="banner banner--danger" role="alert" data-banner="server-outdated">
        <strong>The server must be updated.</strong> It runs an older release than this app (a restaurant hub not yet updated?). Changes are kept on this device and sent once it is.
      </div>
    );
  }
  if (offline) {
    return (
      <div className="banner banner--warning" role="alert" data-banner="offline">
        <strong>You are offline.</strong> Keep working: changes are saved on this device.{pending}
        {since}
        <button type="button" className="btn btn--small" onClick={onRetry}>
          Retry now
        </button>
      </div>
    );
  }
  if (health.level === 'stuck') {
    return (
      <div className="banner banner--warning" role="alert" data-banner="stuck">
        <strong>The server has not confirmed changes for {formatAge(health.waitingMs)}.</strong>
        {pending}
      </div>
    );
  }
  return null;
}
