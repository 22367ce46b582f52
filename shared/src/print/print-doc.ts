import { modifierLines } from '../modifiers.ts';
import { displayNumber } from '../order-number.ts';
import type { KitchenOrder, Order, OrderLine } from '../schema.ts';
import type { PrintDoc, PrintItem, PrintKind } from '../schemas/printers.ts';

/** The number every screen, the tracker and REST show for an order (#A-3, #12). */
const numberOf = (order: Order): string => displayNumber(order);

const tableOf = (order: Order) => ({
  ...(order.table ? { table: order.table } : {}),
  ...(order.guests ? { guests: order.guests } : {}),
});

/** Chosen options print as modifiers, above the free text. */
const itemOf = (item: Pick<PrintItem, 'quantity' | 'name' | 'modifiers' | 'notes' | 'guestAllergy'> & Pick<OrderLine, 'options'>): PrintItem => ({
  quantity: item.quantity,
  name: item.name,
  modifiers: modifierLines(item),
  ...(item.notes ? { notes: item.notes } : {}),
  ...(item.guestAllergy ? { guestAllergy: item.guestAllergy } : {}),
});

/** A station's ticket as it goes on paper (fired, voided, reprinted, its course fired, or printed while its screen was down). */
export function ticketDoc(order: Order, ticket: KitchenOrder, stationName: string, kind: PrintKind, at: number, reason?: string): PrintDoc {
  return {
    kind,
    orderId: order.id,
    number: numberOf(order),
    channel: order.channel,
    stationName,
    ...tableOf(order),
    course: ticket.course ?? 1,
    allergies: [...(ticket.guestAllergies ?? [])],
    items: ticket.items.map(itemOf),
    at,
    ...(reason ? { reason } : {}),
  };
}

/** The expo chit: the whole order, all in, for the pass. */
export function expoDoc(order: Order, at: number): PrintDoc {
  const allergies = [order.allergy, ...order.lines.map((l) => l.allergy)].filter((a): a is string => Boolean(a));
  return {
    kind: 'expo',
    orderId: order.id,
    number: numberOf(order),
    channel: order.channel,
    ...tableOf(order),
    allergies: [...new Set(allergies)],
    items: order.lines.map((l) => itemOf({ ...l, ...(l.allergy ? { guestAllergy: l.allergy } : {}) })),
    at,
  };
}

/** A "screen down" batch: the tickets that were open on a station's dead screens, under one header. */
export function screenDownDoc(stationName: string, tickets: PrintDoc[], since: number, at: number): PrintDoc {
  return {
    kind: 'screen_down',
    number: tickets.map((t) => t.number).join(', '),
    channel: '',
    stationName,
    allergies: [],
    items: [],
    at,
    tickets,
    screensGoneSince: since,
  };
}
