import type { KitchenOrder } from '@kitchensync/shared';
import { firedAt } from './ticket-facts.ts';

/**
 * Which tickets arrived while the screen was open, and when. A ticket is new only if it turns up
 * after the first sync AND was fired after the screen opened: what was already waiting (a reload,
 * a late first pull, a recalled ticket) is not an arrival and does not chime.
 */
export interface Arrivals {
  readonly seen: ReadonlySet<string>;
  /** Arrival time of the tickets that are new, until their badge clears. */
  readonly newAt: ReadonlyMap<string, number>;
  readonly initialised: boolean;
}

export const noArrivals: Arrivals = { seen: new Set(), newAt: new Map(), initialised: false };

export function observeArrivals(
  prev: Arrivals,
  tickets: readonly Pick<KitchenOrder, 'id' | 'firedAt' | 'createdAt' | 'recalledAt'>[],
  now: number,
  openedAt: number,
): { next: Arrivals; added: string[] } {
  const fresh = tickets.filter((t) => !prev.seen.has(t.id));
  if (prev.initialised && fresh.length === 0) return { next: prev, added: [] };
  const added = prev.initialised
    ? fresh.filter((t) => t.recalledAt === undefined && firedAt(t) >= openedAt).map((t) => t.id)
    : [];
  const seen = new Set(prev.seen);
  for (const t of fresh) seen.add(t.id);
  const newAt = new Map(prev.newAt);
  for (const id of added) newAt.set(id, now);
  return { next: { seen, newAt, initialised: true }, added };
}

/** A cook touched the ticket: it is no longer news. */
export function clearArrival(arrivals: Arrivals, id: string): Arrivals {
  if (!arrivals.newAt.has(id)) return arrivals;
  const newAt = new Map(arrivals.newAt);
  newAt.delete(id);
  return { ...arrivals, newAt };
}

/** Drops the badges that have had their time; the same state when none has. */
export function expireArrivals(arrivals: Arrivals, now: number): Arrivals {
  const stale = [...arrivals.newAt].filter(([, at]) => now - at >= newForMs);
  if (stale.length === 0) return arrivals;
  const newAt = new Map(arrivals.newAt);
  for (const [id] of stale) newAt.delete(id);
  return { ...arrivals, newAt };
}

/** When the next badge is due to clear, if any. */
export const nextExpiry = (arrivals: Arrivals): number | undefined =>
  arrivals.newAt.size === 0 ? undefined : Math.min(...arrivals.newAt.values()) + newForMs;

/** How long a new ticket's badge stays when nobody touches it. */
export const newForMs = 12_000;
export const isNew = (arrivals: Arrivals, id: string, now: number) => {
  const at = arrivals.newAt.get(id);
  return at !== undefined && now - at < newForMs;
};
