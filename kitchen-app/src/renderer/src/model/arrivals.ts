/**
 * Tracks when each ticket was first seen, so new ones can be highlighted (and chimed). Tickets
 * present at the first load are not new: they were there before the screen opened.
 */
export interface Arrivals {
  readonly seenAt: ReadonlyMap<string, number>;
  readonly initialised: boolean;
}

export const noArrivals: Arrivals = { seenAt: new Map(), initialised: false };

export function observeArrivals(prev: Arrivals, ids: readonly string[], now: number): { next: Arrivals; added: string[] } {
  const added = prev.initialised ? ids.filter((id) => !prev.seenAt.has(id)) : [];
  if (prev.initialised && added.length === 0) return { next: prev, added };
  const seenAt = new Map(prev.seenAt);
  for (const id of ids) if (!seenAt.has(id)) seenAt.set(id, prev.initialised ? now : 0);
  return { next: { seenAt, initialised: true }, added };
}

/** How long a new ticket stays highlighted. */
export const newForMs = 20_000;

export const isNew = (arrivals: Arrivals, id: string, now: number) => now - (arrivals.seenAt.get(id) ?? 0) < newForMs;
