import { afterEach, describe, expect, it } from 'vitest';
import type { Order, PrintJob, Printer } from '@kitchensync/shared';
import { displayNumber } from '@kitchensync/shared';
import { createTenant, startServer, type TestServer, type TestTenant } from '../support/server.ts';
import { ok, seedMenu } from '../api/support/rest.ts';
import { FakePrinter } from './fake-printer.ts';

let server: TestServer | undefined;
let tenant: TestTenant;
const printers: FakePrinter[] = [];
afterEach(async () => {
  await server?.stop();
  server = undefined;
  for (const p of printers.splice(0)) await p.close();
});

const m = (method: string, path: string, body?: unknown, status = 200) => ok(server as TestServer, tenant.managerToken, method, path, body, status);

async function until<T>(what: string, read: () => Promise<T> | T, done: (v: T) => boolean, ms = 10_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await read();
    if (done(v)) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(v)}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** A server running the print agent, a tenant with the test menu, and a fake printer as the cold line's primary. */
async function boot(id = 'cold') {
  server = await startServer({ env: { PRINT_AGENT: 'on', PRINT_AGENT_POLL_MS: '50', PRINT_AGENT_TIMEOUT_MS: '1000' } });
  tenant = await createTenant(server);
  await seedMenu(server, tenant.managerToken);
  const paper = await FakePrinter.start();
  printers.push(paper);
  await m('POST', '/api/printers', { id, name: 'Cold line', host: '127.0.0.1', port: paper.port, paperMm: 58 }, 201);
  await m('PUT', `/api/printers/${id}/assignments`, { role: 'primary', stationId: 'cold-1' });
  return paper;
}

let firedAt = 0;

/** Creates a draft order and fires it (confirm sends course 1 to the line), noting when the fire was answered (committed). */
async function fire(items: object[], extra: object = {}): Promise<Order> {
  const order: Order = await m('POST', '/api/orders', { channel: 'dine_in', customer: { name: 'G' }, items, ...extra }, 201);
  await m('PUT', `/api/orders/${order.id}/confirm`);
  firedAt = Date.now();
  return order;
}

const texts = (ticket: { text: string }[] | undefined) => (ticket ?? []).map((l) => l.text);

describe('the print agent', () => {
  it('puts a fired ticket on paper within a second: allergy inverted at the top, number large, every line', async () => {
    const paper = await boot();
    const order = await fire(
      [{ productId: 'salad', quantity: 2, modifiers: ['no onion'], notes: 'dressing aside', allergy: 'walnut' }, { productId: 'salad', quantity: 1 }],
      { table: '7', guests: 3, allergy: 'SEVERE peanut' },
    );
    const [ticket] = await until('a ticket', () => paper.tickets, (t) => t.length === 1, 5000);
    expect((paper.firstByteAt[0] ?? Infinity) - firedAt).toBeLessThan(1000);
    expect(ticket?.[0]).toMatchObject({ text: 'ALLERGY: SEVERE peanut', invert: true });
    expect(ticket?.find((l) => l.text === displayNumber(order))).toMatchObject({ large: true });
    expect(texts(ticket)).toEqual(expect.arrayContaining(['Table 7 - 3 guests', '2 x Garden salad', '+ no onion', '> dressing aside', 'ALLERGY: walnut', '1 x Garden salad']));
    const job = await until('printed', async () => ((await m('GET', '/api/print-jobs')).items as PrintJob[])[0], (j) => j?.status === 'printed');
    expect(job).toMatchObject({ attempts: 1, printedAt: expect.any(Number) });
  });

  it('prints a void slip where the ticket printed', async () => {
    const paper = await boot();
    const order = await fire([{ productId: 'salad', quantity: 1 }]);
    await until('the ticket', () => paper.tickets, (t) => t.length === 1);
    await m('DELETE', `/api/orders/${order.id}?reason=guest%20left`);
    const slips = await until('the void slip', () => paper.tickets, (t) => t.length === 2);
    expect(slips[1]?.[0]).toMatchObject({ text: '*** VOID ***', invert: true, large: true });
    expect(texts(slips[1])).toEqual(expect.arrayContaining(['DO NOT MAKE:', '1 x Garden salad', 'Reason: guest left']));
  });

  it('paper out: jobs wait in order and the printer says how many; after a refill they print in order', async () => {
    const paper = await boot();
    paper.mode = 'paper_out';
    const orders = [];
    for (const n of [1, 2, 3]) orders.push(await fire([{ productId: 'salad', quantity: n }]));
    const state = await until('paper out reported', () => m('GET', '/api/printers/cold') as Promise<Printer>, (p) => p.state?.condition === 'paper_out' && p.state.waiting === 3);
    expect(state.state).toMatchObject({ condition: 'paper_out', waiting: 3 });
    expect(paper.tickets).toEqual([]);
    paper.mode = 'ok';
    const tickets = await until('three tickets', () => paper.tickets, (t) => t.length === 3, 15_000);
    expect(tickets.map((t) => t.find((l) => l.large)?.text)).toEqual(orders.map((o) => displayNumber(o)));
    await until('back to ok', () => m('GET', '/api/printers/cold') as Promise<Printer>, (p) => p.state?.condition === 'ok');
  });

  it('an unreachable printer fails its job with the reason, retries, and a manager sends its queue to another printer', async () => {
    const paper = await boot();
    await paper.refuse();
    const spare = await FakePrinter.start();
    printers.push(spare);
    await m('POST', '/api/printers', { id: 'pass', name: 'Pass', host: '127.0.0.1', port: spare.port }, 201);
    await fire([{ productId: 'salad', quantity: 1 }]);
    const failed = await until('a failed job', async () => ((await m('GET', '/api/print-jobs')).items as PrintJob[])[0], (j) => j?.status === 'failed');
    expect(failed?.failure).toBe('connection refused');
    await m('PUT', '/api/printers/cold/redirect', { to: 'pass' });
    const [ticket] = await until('the ticket at the pass', () => spare.tickets, (t) => t.length === 1);
    expect(texts(ticket)).toContain('1 x Garden salad');
    const printed = await until('printed at the pass', async () => ((await m('GET', '/api/print-jobs')).items as PrintJob[])[0], (j) => j?.status === 'printed');
    expect(printed).toMatchObject({ printerId: 'pass', redirectedFrom: 'cold' });
  });

  it('a printer that closes mid-job fails the attempt and the whole ticket prints on the next', async () => {
    const paper = await boot();
    paper.mode = 'close_mid_job';
    await fire([{ productId: 'salad', quantity: 1 }]);
    await until('a torn attempt', () => paper.torn, (t) => t.length >= 1);
    paper.mode = 'ok';
    const [ticket] = await until('the ticket', () => paper.tickets, (t) => t.length === 1);
    expect(texts(ticket)).toContain('1 x Garden salad');
  });
});
