import { openTicketStatuses, type ClosedBy, type KitchenOrder } from '@kitchensync/shared';
import type { StationChoice } from '../../../common/settings.ts';
import { isForStations } from './rail.ts';
import { closure } from './ticket-facts.ts';

/**
 * How far back a screen that just opened still raises voids: food fired before a cancel may still
 * be on the grill for a while, older ones are history.
 */
export const voidMemoryMs = 30 * 60_000;

/** Acknowledging a void is per closure: a ticket cancelled again later raises a new one. */
export const voidKey = (t: KitchenOrder, c: ClosedBy) => `${t.id}@${c.at}`;

export interface VoidWording {
  /** The loud word on the card. */
  readonly word: 'VOID' | 'MARKED READY';
  /** What the cook must do, in kitchen words. */
  readonly headline: string;
}

export const voidWording: Record<ClosedBy['kind'], VoidWording> = {
  order_cancelled: { word: 'VOID', headline: 'ORDER CANCELLED — stop cooking' },
  contract_reissued: { word: 'VOID', headline: 'ORDER CHANGED — cook from the new ticket' },
  marked_ready: { word: 'MARKED READY', headline: 'marked ready by the manager' },
};

/** The closure a card must show, if the ticket was ended off the line and is no longer worked on. */
export function voidOf(t: KitchenOrder): ClosedBy | undefined {
  const c = closure(t);
  return c && !openTicketStatuses.includes(t.status) ? c : undefined;
}

/** Tickets of these stations ended off the line since `since`, not yet acknowledged here; newest first. */
export function voidTickets(tickets: Iterable<KitchenOrder>, choice: StationChoice, acked: ReadonlySet<string>, since: number): KitchenOrder[] {
  const out: { t: KitchenOrder; at: number }[] = [];
  for (const t of tickets) {
    const c = voidOf(t);
    if (c && c.at >= since && isForStations(t, choice) && !acked.has(voidKey(t, c))) out.push({ t, at: c.at });
  }
  return out.sort((a, b) => b.at - a.at).map((x) => x.t);
}
