import { effectivePriority, openTicketStatuses, type KitchenOrder } from '@kitchensync/shared';
import type { StationChoice } from '../../../common/settings.ts';

export const isForStations = (ticket: Pick<KitchenOrder, 'stationId'>, choice: StationChoice) =>
  choice === 'all' || choice.includes(ticket.stationId);

/** Tickets cooks can still work on, at the chosen stations. */
export function railTickets(tickets: Iterable<KitchenOrder>, choice: StationChoice): KitchenOrder[] {
  const out: KitchenOrder[] = [];
  for (const t of tickets) if (openTicketStatuses.includes(t.status) && isForStations(t, choice)) out.push(t);
  return out;
}

/** Highest effective priority first (base priority plus waiting time), then oldest, then id. */
export function sortRail(tickets: readonly KitchenOrder[], now: number): KitchenOrder[] {
  return tickets
    .map((t) => ({ t, p: effectivePriority(t.priority, t.createdAt, now) }))
    .sort((a, b) => b.p - a.p || a.t.createdAt - b.t.createdAt || (a.t.id < b.t.id ? -1 : a.t.id > b.t.id ? 1 : 0))
    .map((x) => x.t);
}
