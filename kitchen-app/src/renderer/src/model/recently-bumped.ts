import { kitchenOrderMachine, type KitchenOrder } from '@kitchensync/shared';

/** Local midnight before `now`. */
export function startOfDay(now: number): number {
  const d = new Date(now);
  d.setHours(0, 0, 0, 0);
  return d.getTime();
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
