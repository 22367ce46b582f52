import type { HttpClient } from './http.ts';

export type OpKind = 'read' | 'write';

export interface Op {
  kind: OpKind;
  name: string;
  run(): Promise<number>;
}

type Stage = 'draft' | 'confirmed' | 'in_preparation' | 'ready';

interface Tracked {
  id: string;
  stage: Stage;
  busy: boolean;
  tickets?: { id: string; itemId: string }[];
  bumped: number;
}

const menu = [
  { id: 'burger', name: 'Burger', priceCents: 1250, stationType: 'grill', prepSeconds: 480, ingredients: [{ name: 'beef patty', quantity: 1, unit: 'pc' }], recipeSteps: ['Grill', 'Assemble'] },
  { id: 'chicken', name: 'Grilled chicken', priceCents: 1450, stationType: 'grill', prepSeconds: 720, ingredients: [{ name: 'chicken', quantity: 220, unit: 'g' }] },
  { id: 'fries', name: 'Fries', priceCents: 450, stationType: 'fry', prepSeconds: 240, ingredients: [{ name: 'potatoes', quantity: 200, unit: 'g' }] },
  { id: 'salad', name: 'Salad', priceCents: 900, stationType: 'cold', prepSeconds: 180, ingredients: [{ name: 'lettuce', quantity: 80, unit: 'g' }] },
];
const stations = [
  { id: 'grill-1', name: 'Grill 1', type: 'grill', capacity: 6 },
  { id: 'grill-2', name: 'Grill 2', type: 'grill', capacity: 4 },
  { id: 'fryer', name: 'Fryer', type: 'fry', capacity: 6 },
  { id: 'cold', name: 'Cold line', type: 'cold', capacity: 4 },
];

const pick = <T>(xs: readonly T[]): T => xs[Math.floor(Math.random() * xs.length)] as T;

/** A restaurant's REST traffic: 80% reads (lists, orders, history, kitchen rail, stats), 20% writes that walk orders to delivery. */
export class Workload {
  private readonly inFlight = new Map<string, Tracked>();
  private readonly known: string[] = [];
  manager = '';
  kitchen = '';

  constructor(private readonly http: HttpClient) {}

  async setup(adminToken: string): Promise<void> {
    const must = async (method: string, path: string, token: string, body?: unknown) => {
      const res = await this.http.send(method, path, token, body);
      if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(res.body)}`);
      return res.body as Record<string, string>;
    };
    const tenant = await must('POST', '/api/admin/tenants', adminToken, { name: 'Bench Bistro' });
    const token = async (role: string) => (await must('POST', `/api/admin/tenants/${tenant.id}/tokens`, adminToken, { role, label: `bench ${role}` })).token as string;
    this.manager = await token('manager');
    this.kitchen = await token('kitchen');
    for (const p of menu) await must('POST', '/api/products', this.manager, p);
    for (const s of stations) await must('POST', '/api/kitchen/stations', this.manager, s);
  }

  next(): Op {
    return Math.random() < 0.8 ? this.read() : this.write();
  }

  private op(kind: OpKind, name: string, method: string, path: string, token: string, body?: unknown, after?: (status: number, body: unknown) => void): Op {
    return {
      kind,
      name,
      run: async () => {
        const res = await this.http.send(method, path, token, body);
        after?.(res.status, res.body);
        return res.status;
      },
    };
  }

  private read(): Op {
    const r = Math.random();
    const id = this.known.length > 0 ? pick(this.known) : undefined;
    if (!id || r < 0.15) return this.op('read', 'list orders', 'GET', '/api/orders?limit=20', this.manager);
    if (r < 0.35) return this.op('read', 'get order', 'GET', `/api/orders/${id}`, this.manager);
    if (r < 0.5) return this.op('read', 'kitchen rail', 'GET', '/api/kitchen/orders?limit=50', this.kitchen);
    if (r < 0.65) return this.byOrder();
    if (r < 0.75) return this.op('read', 'history', 'GET', `/api/orders/${id}/history`, this.manager);
    if (r < 0.85) return this.op('read', 'transitions', 'GET', `/api/orders/${id}/transitions`, this.manager);
    if (r < 0.9) return this.op('read', 'products', 'GET', '/api/products', this.kitchen);
    if (r < 0.95) return this.op('read', 'stations', 'GET', '/api/kitchen/stations', this.kitchen);
    return this.op('read', 'stats', 'GET', '/api/orders/stats', this.manager);
  }

  /** The kitchen's view of one order; it is also how the workload learns ticket ids. */
  private byOrder(): Op {
    const waiting = [...this.inFlight.values()].find((o) => o.stage !== 'draft' && !o.tickets);
    const id = waiting?.id ?? pick(this.known);
    return this.op('read', 'by order', 'GET', `/api/kitchen/orders/by-order/${id}`, this.kitchen, undefined, (status, body) => {
      if (status !== 200 || !waiting) return;
      const items = (body as { items: { id: string; items: { id: string }[] }[] }).items;
      waiting.tickets = items.map((t) => ({ id: t.id, itemId: t.items[0]?.id ?? '' }));
    });
  }

  private write(): Op {
    const idle = [...this.inFlight.values()].filter((o) => !o.busy);
    if (idle.length < 20 || Math.random() < 0.25) return this.create();
    const order = pick(idle);
    order.busy = true;
    const advance = (stage: Stage | 'done') => (status: number) => {
      order.busy = false;
      if (status >= 300) return;
      if (stage === 'done') this.inFlight.delete(order.id);
      else order.stage = stage;
    };
    const m = this.manager;
    const k = this.kitchen;
    const path = `/api/orders/${order.id}`;
    switch (order.stage) {
      case 'draft':
        return this.op('write', 'confirm', 'PUT', `${path}/confirm`, m, undefined, advance('confirmed'));
      case 'confirmed': {
        const first = order.tickets?.[0];
        if (first) return this.op('write', 'start item', 'PUT', `/api/kitchen/orders/${first.id}/items/status`, k, { itemId: first.itemId, status: 'in_progress' }, advance('in_preparation'));
        return this.op('write', 'set status', 'PUT', `${path}/status`, m, { status: 'in_preparation' }, advance('in_preparation'));
      }
      case 'in_preparation': {
        const ticket = order.tickets?.[order.bumped];
        if (!ticket) return this.op('write', 'set status', 'PUT', `${path}/status`, m, { status: 'ready' }, advance('ready'));
        return this.op('write', 'bump', 'PUT', `/api/kitchen/orders/${ticket.id}/status`, k, { status: 'ready' }, (status) => {
          if (status < 300) order.bumped += 1;
          advance(order.bumped >= (order.tickets?.length ?? 0) ? 'ready' : 'in_preparation')(status);
        });
      }
      case 'ready':
        return this.op('write', 'deliver', 'PUT', `${path}/status`, m, { status: 'delivered' }, advance('done'));
    }
  }

  private create(): Op {
    const items = Array.from({ length: 1 + Math.floor(Math.random() * 3) }, () => ({ productId: pick(menu).id, quantity: 1 + Math.floor(Math.random() * 2) }));
    const body = { channel: pick(['dine_in', 'takeaway'] as const), customer: { name: 'Guest', phone: `+1555${Math.floor(Math.random() * 1e4)}` }, items };
    return this.op('write', 'create', 'POST', '/api/orders', this.manager, body, (status, answer) => {
      if (status !== 201) return;
      const id = (answer as { id: string }).id;
      this.inFlight.set(id, { id, stage: 'draft', busy: false, bumped: 0 });
      this.known.push(id);
      if (this.known.length > 2000) this.known.shift();
    });
  }
}
