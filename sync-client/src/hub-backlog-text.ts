import type { HubBacklog } from './path-choice.ts';
import { formatAge } from './sync-health.ts';

/** "hub: 3 waiting for the cloud for 4 min" while on the hub with a backlog; undefined otherwise (nothing to say). */
export function hubBacklogText(backlog: HubBacklog | undefined, now: number): string | undefined {
  if (!backlog || backlog.pending === 0) return undefined;
  const age = backlog.oldestPendingAt === null ? 'just now' : formatAge(now - backlog.oldestPendingAt);
  return `hub: ${backlog.pending} waiting for the cloud${age === 'just now' ? '' : ` for ${age}`}`;
}
