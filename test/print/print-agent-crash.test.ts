import type { Order, PrintJob } from '@kitchensync/shared';
import { displayNumber } from '@kitchensync/shared';
import { afterAll, describe, expect, it } from 'vitest';
import { startChildServer, type ChildServer } from '../support/child-server.ts';
import { api, createTenant, type TestTenant } from '../support/server.ts';
import { durableStorage, type DurableStorage } from '../support/storage.ts';
import { waitUntil } from '../support/wait.ts';
import { FakePrinter } from './fake-printer.ts';

// The agent's lease is short so the restarted agent takes the dead one's claim over at once.
const agentEnv = { PRINT_AGENT: 'on', PRINT_AGENT_POLL_MS: '50', PRINT_AGENT_TIMEOUT_MS: '5000', PRINT_AGENT_LEASE_MS: '1000' };

let storage: DurableStorage | undefined;
let server: ChildServer | undefined;
let paper: FakePrinter | undefined;
afterAll(async () => {
  await server?.kill();
  await paper?.close();
  await storage?.remove();
});

describe('a print agent killed with -9 in the middle of a job', () => {
  it('prints the ticket after the restart, headed POSSIBLE DUPLICATE, and marks it printed', async () => {
    storage = await durableStorage('pglite');
    server = await startChildServer(storage, { env: agentEnv });
    const tenant: TestTenant = await createTenant(server);
    const m = async <T = unknown>(method: string, path: string, body?: unknown): Promise<T> => {
      const res = await api<T>(server as ChildServer, tenant.managerToken, method, path, body);
      if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(res.body)}`);
      return res.body;
    };
    await m('POST', '/api/products', { id: 'salad', name: 'Garden salad', priceCents: 900, stationType: 'cold', prepSeconds: 120 });
    await m('POST', '/api/kitchen/stations', { id: 'cold-1', name: 'Cold line', type: 'cold', capacity: 4 });
    // A printer that reads one byte a millisecond: the agent is still waiting for it to take the ticket when it dies.
    paper = await FakePrinter.start();
    paper.mode = 'slow';
    await m('POST', '/api/printers', { id: 'cold', name: 'Cold line', host: '127.0.0.1', port: paper.port });
    await m('PUT', '/api/printers/cold/assignments', { role: 'primary', stationId: 'cold-1' });
    const items = [1, 2, 3, 4].map((n) => ({ productId: 'salad', quantity: n, notes: `plate ${n} of the long table, dressing on the side` }));
    const order = await m<Order>('POST', '/api/orders', { channel: 'dine_in', customer: { name: 'Long table' }, items });
    await m('PUT', `/api/orders/${order.id}/confirm`);

    const printer = paper;
    await waitUntil(() => printer.firstByteAt.length > 0, 15_000, 'the ticket reaching the printer');
    await server.kill('SIGKILL');
    printer.mode = 'ok';

    server = await startChildServer(storage, { env: agentEnv });
    const job = await waitFor(async () => ((await m<{ items: PrintJob[] }>('GET', '/api/print-jobs')).items)[0], (j) => j?.status === 'printed');
    expect(job).toMatchObject({ possibleDuplicate: true, attempts: 2 });
    const marked = (t: { text: string }[]) => t[0]?.text === 'POSSIBLE DUPLICATE - check before cooking';
    // The dead agent's bytes were already in the printer's socket: they end as a torn piece or a whole
    // (unmarked) ticket. Either way exactly one more copy follows, and it says it may be a repeat.
    await waitUntil(() => printer.tickets.length + printer.torn.length === 2, 10_000, 'the dead agent’s copy and the repeat');
    const repeats = printer.tickets.filter(marked);
    expect(repeats).toHaveLength(1);
    expect(repeats[0]?.[0]).toMatchObject({ invert: true });
    const texts = (repeats[0] ?? []).map((l) => l.text);
    expect(texts).toContain(displayNumber(order));
    expect(texts).toEqual(expect.arrayContaining(['1 x Garden salad', '2 x Garden salad', '3 x Garden salad', '4 x Garden salad']));
  }, 240_000);
});

async function waitFor<T>(read: () => Promise<T>, done: (v: T) => boolean, ms = 20_000): Promise<T> {
  let last: T | undefined;
  await waitUntil(async () => done((last = await read())), ms, 'the job printed');
  return last as T;
}
