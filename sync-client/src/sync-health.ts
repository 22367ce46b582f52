/** What the socket says about the link to the server. */
export type ConnectionState = 'connecting' | 'connected' | 'disconnected' | 'auth-error';

/** Raw observations the client collects; `computeHealth` turns them into what a screen shows. */
export interface SyncFacts {
  readonly connection: ConnectionState;
  /** `navigator.onLine`: false means certainly offline, true means nothing. */
  readonly browserOnline: boolean;
  /** Replicache's own view: did the last push or pull reach the server? */
  readonly replicacheOnline: boolean;
  /** Local changes the server has not confirmed yet. */
  readonly pendingCount: number;
  /** When the oldest of those started waiting (reset whenever the server confirms some). */
  readonly pendingSince: number | undefined;
  /** When the server last confirmed one of our changes. */
  readonly lastConfirmedAt: number | undefined;
  /** When a pull last came back successfully. */
  readonly lastPullAt: number | undefined;
  /**
   * The server answered VersionNotSupported: this app is too old for it ('app': reload or update),
   * or the server (a hub, a cloud mid-rollout) is older than this app ('server': it must be updated).
   */
  readonly updateRequired: false | 'app' | 'server';
}

export type HealthLevel = 'ok' | 'syncing' | 'offline' | 'stuck' | 'auth-error' | 'update-required' | 'server-outdated';

export interface SyncHealth extends SyncFacts {
  readonly now: number;
  readonly online: boolean;
  /** How long unconfirmed changes have waited without the server confirming any (0 when none). */
  readonly waitingMs: number;
  /** Changes pending, the socket says connected, and the server has confirmed nothing for too long. */
  readonly stuck: boolean;
  /**
   * Offline although the browser's network is up: the server does not answer (down, restarting,
   * or unreachable past the local network). Screens say "server not answering", not "offline".
   */
  readonly serverUnreachable: boolean;
  readonly level: HealthLevel;
}

export const initialFacts: SyncFacts = {
  connection: 'connecting',
  browserOnline: true,
  replicacheOnline: true,
  pendingCount: 0,
  pendingSince: undefined,
  lastConfirmedAt: undefined,
  lastPullAt: undefined,
  updateRequired: false,
};

/**
 * Folds a fresh pending-mutation count into the facts. A smaller count means the server
 * confirmed something; the first change after an empty queue starts the waiting clock.
 */
export function observePending(facts: SyncFacts, count: number, now: number): SyncFacts {
  if (count === facts.pendingCount && (count === 0 || facts.pendingSince !== undefined)) return facts;
  const confirmed = count < facts.pendingCount;
  const pendingSince = count === 0 ? undefined : confirmed || facts.pendingSince === undefined ? now : facts.pendingSince;
  return {
    ...facts,
    pendingCount: count,
    pendingSince,
    ...(confirmed ? { lastConfirmedAt: now } : {}),
  };
}

export function computeHealth(facts: SyncFacts, now: number, stuckAfterMs: number): SyncHealth {
  const online = facts.connection === 'connected' && facts.browserOnline && facts.replicacheOnline;
  const waitingMs = facts.pendingCount > 0 && facts.pendingSince !== undefined ? Math.max(0, now - facts.pendingSince) : 0;
  const stuck = facts.pendingCount > 0 && facts.connection === 'connected' && waitingMs > stuckAfterMs;
  const serverUnreachable = !online && facts.browserOnline && serverSilent(facts);
  return { ...facts, now, online, waitingMs, stuck, serverUnreachable, level: levelOf(facts, online, stuck) };
}

/** A failed request, a dropped socket, or a reconnect after we had been in touch: not just starting up. */
function serverSilent(facts: SyncFacts): boolean {
  if (facts.connection === 'auth-error') return false;
  if (!facts.replicacheOnline || facts.connection === 'disconnected') return true;
  return facts.connection === 'connecting' && facts.lastPullAt !== undefined;
}

function levelOf(facts: SyncFacts, online: boolean, stuck: boolean): HealthLevel {
  if (facts.connection === 'auth-error') return 'auth-error';
  if (facts.updateRequired) return facts.updateRequired === 'server' ? 'server-outdated' : 'update-required';
  if (stuck) return 'stuck';
  if (!online) return 'offline';
  return facts.pendingCount > 0 ? 'syncing' : 'ok';
}

/** "just now", "42 s", "3 min", "2 h": short enough for a status bar. */
export function formatAge(ms: number): string {
  const s = Math.floor(Math.max(0, ms) / 1000);
  if (s < 2) return 'just now';
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min`;
  return `${Math.floor(s / 3600)} h`;
}
