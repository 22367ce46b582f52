import { fireOrder, openTicketStatuses, type KitchenOrder } from '@kitchensync/shared';
import type { StationChoice } from '../../../common/settings.ts';
import { firedAt, isHeld, ticketCourse } from './ticket-facts.ts';

export const isForStations = (ticket: Pick<KitchenOrder, 'stationId'>, choice: StationChoice) =>
  choice === 'all' || choice.includes(ticket.stationId);

/** Tickets cooks can still work on, at the chosen stations. */
export function railTickets(tickets: Iterable<KitchenOrder>, choice: StationChoice): KitchenOrder[] {
  const out: KitchenOrder[] = [];
  for (const t of tickets) if (openTicketStatuses.includes(t.status) && isForStations(t, choice)) out.push(t);
  return out;
}

/** Later courses waiting to be fired at the chosen stations: shown greyed after the work, by course. */
export function heldTickets(tickets: Iterable<KitchenOrder>, choice: StationChoice): KitchenOrder[] {
  const out: KitchenOrder[] = [];
  for (const t of tickets) if (isHeld(t) && isForStations(t, choice)) out.push(t);
  return out.sort((a, b) => ticketCourse(a) - ticketCourse(b) || a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1));
}

/** Fire order (shared): tickets of RUSH orders first, then the one fired longest ago. */
export function sortRail(tickets: readonly KitchenOrder[], rushed: ReadonlySet<string>): KitchenOrder[] {
  return tickets
    .map((t) => ({ t, id: t.id, rush: rushed.has(t.orderId), firedAt: firedAt(t) }))
    .sort(fireOrder)
    .map((x) => x.t);
}
