import { kitchenOrderMachine, type KitchenOrder } from '@kitchensync/shared';

// The last answer, by its exact input: the screen asks with the same clock value (it ticks every
// 30 s) on every replica change, and the local-time conversion took half a millisecond a bump.
let last = { now: Number.NaN, start: 0 };

/** Local midnight before `now`. */
export function startOfDay(now: number): number {
  if (now !== last.now) {
    const d = new Date(now);
    d.setHours(0, 0, 0, 0);
    last = { now, start: d.getTime() };
  }
  return last.start;
}

/** Tickets bumped today at any station that can still be recalled, most recent first. */
export function recentlyBumped(tickets: Iterable<KitchenOrder>, now: number): KitchenOrder[] {
  const since = startOfDay(now);
  const out: KitchenOrder[] = [];
  for (const t of tickets) {
    if (kitchenOrderMachine.allows('recall', t.status, {}) && (t.readyAt ?? t.updatedAt) >= since) {
      out.push(t);
    }
  }
  return out.sort((a, b) => (b.readyAt ?? b.updatedAt) - (a.readyAt ?? a.updatedAt));
}
