import type { Channel, Order, OrderStatus } from '@kitchensync/shared';
import { minutesLate } from './eta.ts';
import { displayNumber } from './format.ts';

export interface BoardColumnSpec {
  readonly id: string;
  readonly title: string;
  readonly statuses: readonly OrderStatus[];
  /** Finished orders: newest first and only recent ones. */
  readonly finished?: true;
}

export const boardColumns: readonly BoardColumnSpec[] = [
  { id: 'draft', title: 'New', statuses: ['draft'] },
  { id: 'confirmed', title: 'Confirmed', statuses: ['confirmed'] },
  { id: 'in_preparation', title: 'In preparation', statuses: ['in_preparation'] },
  { id: 'ready', title: 'Ready', statuses: ['ready'] },
  { id: 'delivering', title: 'Out for delivery', statuses: ['delivering'] },
  { id: 'done', title: 'Done', statuses: ['delivered', 'cancelled'], finished: true },
];

export interface BoardColumn {
  readonly spec: BoardColumnSpec;
  readonly orders: readonly Order[];
  /** Finished orders left out by the limit. */
  readonly hidden: number;
}

export interface BoardFilter {
  readonly query?: string;
  readonly channel?: Channel | 'all';
}

export interface BoardOptions {
  /** Finished orders updated before this are not on the board. */
  readonly finishedSince: number;
  readonly finishedLimit?: number;
  /** Open work oldest first (default), or the latest against its ETA first, as of `now`. */
  readonly sortBy?: BoardSort;
  readonly now?: number;
}

export type BoardSort = 'oldest' | 'late';

/** Matches the order number ("a-12", "#A-12", "a12", or an older order's "k7fa"), the customer's name or phone, or the table. */
export function matchesFilter(order: Order, filter: BoardFilter): boolean {
  if (filter.channel && filter.channel !== 'all' && order.channel !== filter.channel) return false;
  const q = filter.query?.trim().toLowerCase().replace(/^#/, '');
  if (!q) return true;
  const number = displayNumber(order).slice(1);
  const haystack = [number, number.replace('-', ''), order.customer.name, order.customer.phone ?? '', order.table ? `table ${order.table}` : ''].join(' ').toLowerCase();
  return haystack.includes(q);
}

const oldestFirst = (a: Order, b: Order) => a.createdAt - b.createdAt || a.id.localeCompare(b.id);

/**
 * Orders by board column: open work oldest first (first in, first out) or most minutes late first,
 * finished work newest first.
 */
export function groupBoard(orders: Iterable<Order>, options: BoardOptions, filter: BoardFilter = {}): BoardColumn[] {
  const list = [...orders].filter((o) => matchesFilter(o, filter));
  const limit = options.finishedLimit ?? 20;
  const now = options.now ?? 0;
  const openOrder =
    options.sortBy === 'late' ? (a: Order, b: Order) => minutesLate(b, now) - minutesLate(a, now) || oldestFirst(a, b) : oldestFirst;
  return boardColumns.map((spec) => {
    const inColumn = list.filter((o) => spec.statuses.includes(o.status));
    if (!spec.finished) return { spec, orders: inColumn.sort(openOrder), hidden: 0 };
    const recent = inColumn.filter((o) => o.updatedAt >= options.finishedSince).sort((a, b) => b.updatedAt - a.updatedAt);
    return { spec, orders: recent.slice(0, limit), hidden: Math.max(0, recent.length - limit) };
  });
}

/** Columns worth showing: courier-less restaurants need no "out for delivery" lane when it is empty. */
export function visibleColumns(columns: readonly BoardColumn[], hideEmpty: readonly string[] = ['delivering']): BoardColumn[] {
  return columns.filter((c) => c.orders.length > 0 || !hideEmpty.includes(c.spec.id));
}

/** Every guest allergy on the order (its own and its lines'), each once: what the board must not let anyone miss. */
export function guestAllergies(order: Pick<Order, 'allergy' | 'lines'>): string[] {
  return [...new Set([order.allergy, ...order.lines.map((l) => l.allergy)].filter((a): a is string => Boolean(a)))];
}
