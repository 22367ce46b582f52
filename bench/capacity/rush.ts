import { nowMs, Terminal, type Json, type Mutation, type Put, type TerminalHooks } from './terminal.ts';

/** A restaurant's servers and tokens as the load process gets them. */
export interface RestaurantSpec {
  tenantId: string;
  manager: string;
  kitchen: string;
  /** One server URL per terminal, in the order of `roles` (a load balancer spreads them). */
  urls: string[];
}

/** Six screens: two line cooks (grill; fry and cold), the expo at the pass, the manager, two waiters' tablets. */
export const roles = ['grill', 'fry', 'expo', 'manager', 'tablet', 'tablet'] as const;
type Role = (typeof roles)[number];
const stationsOf: Partial<Record<Role, readonly string[]>> = { grill: ['grill-1', 'grill-2'], fry: ['fry-1', 'cold-1'] };

export interface RushOptions {
  /** Mean seconds between a restaurant's orders (both tablets together). */
  orderEverySeconds: number;
  /** Share of orders the manager voids. */
  voidShare: number;
  backstopPullMs: number;
  /**
   * `rush`: the whole dinner (cooks start and bump, the expo hands off, the manager voids). `till`:
   * one till per restaurant creates and confirms orders and the other five screens only pull, the
   * load an outside capacity run used.
   */
  script: 'rush' | 'till';
}

const markerLifeMs = 60_000;
const products = ['burger', 'fries', 'salad'];
const between = (lowS: number, highS: number) => (lowS + Math.random() * (highS - lowS)) * 1000;
const exponential = (meanS: number) => -Math.log(1 - Math.random()) * meanS * 1000;

/** The moment a mutation was pushed, to time when each other screen of the restaurant sees it. */
interface Marker {
  sentAt: number;
  by: Terminal;
  seen: Set<Terminal>;
}

/**
 * One restaurant in a dinner rush, each screen acting only on what its own replica shows: tablets
 * take orders and confirm them; a cook starts a ticket of its stations a few seconds after it
 * appears and bumps it when cooked; the expo hands an order off once it is ready; the manager
 * voids an occasional order. Every mutation's `at` is unique in the restaurant and every mutator
 * stamps it as the changed row's `updatedAt`, so a pull that brings a row with that `updatedAt`
 * is the moment the change became visible on that screen.
 */
export class Restaurant {
  private readonly terminals: { role: Role; terminal: Terminal }[] = [];
  private readonly markers = new Map<number, Marker>();
  private readonly acted = new Set<string>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private lastAt = 0;
  private seq = 0;
  private running = false;
  readonly visible: number[] = [];
  measuring = false;

  constructor(
    private readonly spec: RestaurantSpec,
    private readonly runTag: string,
    private readonly options: RushOptions,
    private readonly counters: Omit<TerminalHooks, 'onPuts'> & { onMutation(name: string): void },
  ) {}

  async open(): Promise<void> {
    const hooks: TerminalHooks = { ...this.counters, onPuts: (t, puts, at) => this.onPuts(t, puts, at) };
    for (const [i, role] of roles.entries()) {
      const token = role === 'manager' || role === 'tablet' ? this.spec.manager : this.spec.kitchen;
      this.terminals.push({ role, terminal: new Terminal(this.spec.urls[i] as string, token, hooks) });
    }
    await Promise.all(this.terminals.map(({ terminal }) => terminal.open(this.options.backstopPullMs)));
  }

  start(): void {
    this.running = true;
    const tills = this.terminals.filter(({ role }) => role === 'tablet').slice(0, this.options.script === 'till' ? 1 : undefined);
    const meanS = this.options.orderEverySeconds * tills.length;
    for (const { terminal } of tills) this.later(exponential(meanS), () => this.takeOrder(terminal, meanS));
  }

  close(): void {
    this.running = false;
    for (const t of this.timers) clearTimeout(t);
    for (const { terminal } of this.terminals) terminal.close();
  }

  private later(ms: number, fn: () => void): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      if (this.running) fn();
    }, ms);
    this.timers.add(timer);
  }

  /** Pushes with a unique `at` for the restaurant, close to the clock. */
  private mutate(terminal: Terminal, name: string, args: Json): void {
    const at = Math.max(Date.now(), this.lastAt + 1);
    this.lastAt = at;
    this.forgetOldMarkers();
    this.markers.set(at, { sentAt: nowMs(), by: terminal, seen: new Set() });
    this.counters.onMutation(name);
    const mutation: Mutation = { name, args: { ...args, at } };
    terminal.mutate(mutation);
  }

  /** A change some screens never show (a draft is not in the kitchen's view) or see overwritten first. */
  private forgetOldMarkers(): void {
    const before = nowMs() - markerLifeMs;
    for (const [at, marker] of this.markers) {
      if (marker.sentAt >= before) return;
      this.markers.delete(at);
    }
  }

  private takeOrder(tablet: Terminal, meanS: number): void {
    const id = `${this.runTag}-${(this.seq += 1)}`;
    const lines = products.filter(() => Math.random() < 0.6);
    const items = (lines.length ? lines : ['burger']).map((productId, i) => ({ id: `l${i + 1}`, productId, quantity: 1 + Math.floor(Math.random() * 2) }));
    this.mutate(tablet, 'createOrder', { id, channel: Math.random() < 0.7 ? 'dine_in' : 'takeaway', customer: { name: `Table ${this.seq}` }, items });
    this.later(between(1, 3), () => this.mutate(tablet, 'confirmOrder', { orderId: id }));
    this.later(exponential(meanS), () => this.takeOrder(tablet, meanS));
  }

  private onPuts(terminal: Terminal, puts: readonly Put[], at: number): void {
    const acts = this.options.script === 'rush';
    const role = this.terminals.find((t) => t.terminal === terminal)?.role as Role;
    for (const { key, value } of puts) {
      this.seen(terminal, value, at);
      if (!acts) continue;
      if (key.startsWith('kitchenOrder/')) this.onTicket(role, terminal, value);
      else if (key.startsWith('order/')) this.onOrder(role, terminal, value);
    }
  }

  private seen(terminal: Terminal, value: Json, at: number): void {
    const marker = typeof value.updatedAt === 'number' ? this.markers.get(value.updatedAt) : undefined;
    if (!marker || marker.by === terminal || marker.seen.has(terminal)) return;
    marker.seen.add(terminal);
    if (this.measuring) this.visible.push(at - marker.sentAt);
    if (marker.seen.size === roles.length - 1) this.markers.delete(value.updatedAt as number);
  }

  /** A cook starts a new ticket of its stations, then bumps it when it is cooked. */
  private onTicket(role: Role, cook: Terminal, ticket: Json): void {
    const id = ticket.id as string;
    if (ticket.status !== 'queued' || !stationsOf[role]?.includes(ticket.stationId as string) || !this.once(`start ${id}`)) return;
    const itemId = (ticket.items as { id: string }[])[0]?.id;
    this.later(between(2, 6), () => {
      this.mutate(cook, 'setKitchenItemStatus', { kitchenOrderId: id, itemId, status: 'in_progress' });
      this.later(between(8, 20), () => this.mutate(cook, 'bumpKitchenOrder', { kitchenOrderId: id }));
    });
  }

  /** The expo hands a ready order off; the manager voids the odd confirmed one. */
  private onOrder(role: Role, terminal: Terminal, order: Json): void {
    const id = order.id as string;
    if (role === 'expo' && order.status === 'ready' && this.once(`hand off ${id}`)) {
      this.later(between(2, 5), () => this.mutate(terminal, 'handOffOrder', { orderId: id }));
    }
    if (role === 'manager' && order.status === 'confirmed' && this.once(`void? ${id}`) && Math.random() < this.options.voidShare) {
      this.later(between(2, 6), () => this.mutate(terminal, 'cancelOrder', { orderId: id, reason: 'guest left' }));
    }
  }

  private once(what: string): boolean {
    if (this.acted.has(what)) return false;
    this.acted.add(what);
    return true;
  }
}
