import { orderStatusSchema, type Order, type OrderStatus } from '@kitchensync/shared';
import { z } from 'zod';
import { statusLabel } from './labels.ts';

/** One line of an order's history, from the audit trail or (until it loads) the replica. */
export interface TimelineEntry {
  readonly key: string;
  readonly at: number;
  readonly title: string;
  readonly detail?: string;
  readonly actor?: string;
  /** The status the order reached, for colouring. */
  readonly status?: OrderStatus;
}

/** `GET /api/orders/:id/history` events (DESIGN.md), read leniently: unknown shapes are skipped. */
const historyEventSchema = z.object({
  seq: z.union([z.number(), z.string()]),
  at: z.union([z.number(), z.string()]),
  type: z.string(),
  actor: z.unknown().optional(),
  data: z.record(z.string(), z.unknown()).default({}),
});
export const historySchema = z.object({ events: z.array(z.unknown()) });
export type HistoryEvent = z.infer<typeof historyEventSchema>;

const epoch = (at: number | string) => (typeof at === 'number' ? at : Date.parse(at));
const text = (v: unknown) => (typeof v === 'string' ? v : undefined);

function actorLabel(actor: unknown): string | undefined {
  if (typeof actor === 'string') return actor;
  if (actor && typeof actor === 'object') {
    const a = actor as Record<string, unknown>;
    return text(a.label) ?? text(a.role) ?? text(a.tokenId);
  }
  return undefined;
}

type Describe = (data: Record<string, unknown>, names: (stationId: string) => string) => Omit<TimelineEntry, 'key' | 'at' | 'actor'> | undefined;

const statusOf = (v: unknown) => {
  const parsed = orderStatusSchema.safeParse(v);
  return parsed.success ? parsed.data : undefined;
};

/** Kitchen-order ids are `<orderId>.v<version>.<stationId>` (shared keys.ts). */
function stationOfTicket(kitchenOrderId: string | undefined): string | undefined {
  return kitchenOrderId ? /\.v\d+\.(.+)$/.exec(kitchenOrderId)?.[1] : undefined;
}

/** Ticket moves worth a line on the order's timeline (item-level moves are the kitchen's business). */
const ticketMoves: Record<string, string> = {
  '*>ready': 'Ticket bumped',
  'ready>in_progress': 'Ticket recalled',
};

/** Which audit events an order's timeline shows, in a manager's words. */
const describe: Record<string, Describe> = {
  'order.created': () => ({ title: 'Order placed', status: 'draft' }),
  'order.status_changed': (d) => {
    const to = statusOf(d.to);
    if (!to) return undefined;
    const reason = text(d.reason);
    return { title: statusLabel[to], status: to, ...(reason ? { detail: `Reason: ${reason}` } : {}) };
  },
  'order.rush_changed': (d) => ({ title: d.rush === true ? 'Flagged RUSH for the kitchen' : 'RUSH taken off' }),
  'contract.issued': (d) => ({ title: `Production contract v${String(d.version ?? '?')} issued` }),
  'kitchen_order.created': (d, names) => ({ title: `Ticket sent to ${names(text(d.stationId) ?? '')}` }),
  'kitchen_order.status_changed': (d, names) => {
    const title = ticketMoves[`${String(d.from)}>${String(d.to)}`] ?? ticketMoves[`*>${String(d.to)}`];
    const station = stationOfTicket(text(d.kitchenOrderId));
    return title ? { title: station ? `${title} at ${names(station)}` : title } : undefined;
  },
};

export function timelineFromHistory(raw: readonly unknown[], stationName: (id: string) => string): TimelineEntry[] {
  return raw.flatMap((value) => {
    const parsed = historyEventSchema.safeParse(value);
    if (!parsed.success) return [];
    const e = parsed.data;
    const described = describe[e.type]?.(e.data, stationName);
    const at = epoch(e.at);
    if (!described || Number.isNaN(at)) return [];
    const actor = actorLabel(e.actor);
    return [{ key: `h${String(e.seq)}`, at, ...described, ...(actor ? { actor } : {}) }];
  });
}

/** What the replica knows: the time each status was (last) reached. */
export function timelineFromStatusTimes(order: Pick<Order, 'statusTimes' | 'cancelReason'>): TimelineEntry[] {
  return (Object.entries(order.statusTimes) as [OrderStatus, number][])
    .sort(([, a], [, b]) => a - b)
    .map(([status, at]) => ({
      key: `s-${status}`,
      at,
      title: status === 'draft' ? 'Order placed' : statusLabel[status],
      status,
      ...(status === 'cancelled' && order.cancelReason ? { detail: `Reason: ${order.cancelReason}` } : {}),
    }));
}
