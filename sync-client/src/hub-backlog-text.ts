import type { HubBacklog } from './path-choice.ts';
import { formatAge } from './sync-health.ts';

const pad = (n: number) => String(n).padStart(2, '0');
/** "20:14", the screen's local time. */
const clockTime = (ms: number) => `${pad(new Date(ms).getHours())}:${pad(new Date(ms).getMinutes())}`;

/**
 * What the hub says of its link, for a screen on the hub: "cloud unreachable since 20:14 · 3
 * waiting for 4 min" as soon as the hub has lost the cloud, "hub: 3 waiting for the cloud" while
 * it drains, and that the cloud must be updated while it refuses a queued change's schema;
 * undefined when there is nothing to say (or off the hub).
 */
export function hubBacklogText(backlog: HubBacklog | undefined, now: number): string | undefined {
  if (!backlog) return undefined;
  const age = backlog.oldestPendingAt === null ? 'just now' : formatAge(now - backlog.oldestPendingAt);
  const waiting = backlog.pending === 0 ? undefined : `${backlog.pending} waiting${age === 'just now' ? '' : ` for ${age}`}`;
  if (backlog.cloudOutdated) return ['CLOUD MUST BE UPDATED — it runs an older release than this hub; changes are kept here', waiting].filter(Boolean).join(' · ');
  if (backlog.upstream === 'offline' && typeof backlog.offlineSince === 'number') {
    return [`cloud unreachable since ${clockTime(backlog.offlineSince)}`, waiting].filter(Boolean).join(' · ');
  }
  return waiting && `hub: ${waiting.replace(' waiting', ' waiting for the cloud')}`;
}
