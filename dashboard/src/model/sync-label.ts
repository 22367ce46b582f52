import type { HealthLevel, SyncHealth } from '@kitchensync/sync-client';

export type SyncTone = HealthLevel | 'connecting';

const text: Record<SyncTone, string> = {
  ok: 'Live',
  syncing: 'Saving',
  offline: 'Offline',
  stuck: 'Not confirming',
  'auth-error': 'Signed out',
  'update-required': 'Update required',
  'server-outdated': 'Server outdated',
  connecting: 'Connecting',
};

/**
 * The status pill's tone and word. Before the first successful exchange the socket is merely
 * connecting; calling that "offline" would cry wolf on every page load.
 */
export function syncLabel(health: Pick<SyncHealth, 'level' | 'connection' | 'browserOnline' | 'lastPullAt'>): { tone: SyncTone; text: string } {
  const starting = health.level === 'offline' && health.browserOnline && health.connection === 'connecting' && health.lastPullAt === undefined;
  const tone: SyncTone = starting ? 'connecting' : health.level;
  return { tone, text: text[tone] };
}
