import { describe, expect, it } from 'vitest';
import type { PrintJob, Printer } from '@kitchensync/shared';
import { backends } from '../support/server.ts';
import { connectedClient, waitFor } from '../support/replicache-client.ts';
import { menuTenantPerTest } from '../api/support/menu-server.ts';
import { errorCode } from '../api/support/rest.ts';
import type { ApiResponse } from '../support/server.ts';

const refusal = (res: ApiResponse) => [res.status, errorCode(res)];

describe.each(backends)('printers and print jobs over REST and sync (%s)', (backend) => {
  const { boot, m, k, as, s, t, cleanups } = menuTenantPerTest(backend);

  it('a manager adds a printer, gives it roles, and a fired ticket queues a job on it', async () => {
    await boot();
    const printer: Printer = await m('POST', '/api/printers', { id: 'bar', name: 'Bar', host: '127.0.0.1', paperMm: 58 }, 201);
    expect(printer).toMatchObject({ port: 9100, columns: 32, codePage: 'cp437', assignments: [] });
    await m('PUT', '/api/printers/bar/assignments', { role: 'primary', stationId: 'cold-1' });
    const withBackup: Printer = await m('PUT', '/api/printers/bar/assignments', { role: 'backup', stationId: 'grill-1', backupAfterSeconds: 30 });
    expect(withBackup.assignments).toEqual([{ role: 'primary', stationId: 'cold-1' }, { role: 'backup', stationId: 'grill-1', backupAfterSeconds: 30 }]);
    const removed: Printer = await m('DELETE', '/api/printers/bar/assignments?role=backup&stationId=grill-1');
    expect(removed.assignments).toHaveLength(1);

    const order = await m('POST', '/api/orders', { channel: 'dine_in', customer: { name: 'G' }, table: '4', items: [{ productId: 'salad', quantity: 2, modifiers: ['no onion'] }] }, 201);
    await m('PUT', `/api/orders/${order.id}/confirm`);
    const jobs: PrintJob[] = (await m('GET', '/api/print-jobs?printer=bar')).items;
    expect(jobs.map((j) => [j.id, j.status, j.doc.kind])).toEqual([[`${order.id}.v1.cold-1.ticket.bar`, 'waiting', 'ticket']]);
    expect(jobs[0]?.doc.items).toEqual([{ quantity: 2, name: expect.any(String), modifiers: ['no onion'] }]);

    const reprint = await k('POST', '/api/print-jobs/reprints', { kitchenOrderId: `${order.id}.v1.cold-1` }, 201);
    expect(reprint.items.map((j: PrintJob) => j.doc.kind)).toEqual(['reprint']);
    const cancelled = await as('manager', 'DELETE', `/api/orders/${order.id}`);
    expect(cancelled.status).toBe(200);
    const after: PrintJob[] = (await m('GET', '/api/print-jobs?status=waiting')).items;
    expect(after.map((j) => j.doc.kind)).toEqual(['ticket', 'reprint', 'void']);

    // The kitchen's replica holds the printers (for "paper out" on its screen), not the job log.
    const terminal = await connectedClient(s(), t().kitchenToken);
    cleanups.push(terminal.close);
    await waitFor(terminal.rep, (tx) => tx.scan({ prefix: 'printer/' }).values().toArray(), (ps) => (ps as unknown[]).length === 1);
    expect(await terminal.rep.query((tx) => tx.scan({ prefix: 'printJob/' }).keys().toArray())).toEqual([]);
  });

  it('refuses bad printers and roles with the error shape and changes nothing', async () => {
    await boot();
    expect(refusal(await as('manager', 'POST', '/api/printers', { name: 'No host' }))).toEqual([400, 'invalid_request']);
    expect(refusal(await as('manager', 'POST', '/api/printers', { name: 'X', host: 'h', paperMm: 70 }))).toEqual([400, 'invalid_request']);
    expect(refusal(await as('kitchen', 'POST', '/api/printers', { name: 'X', host: 'h' }))).toEqual([403, 'forbidden']);
    await m('POST', '/api/printers', { id: 'p1', name: 'P1', host: 'h' }, 201);
    expect(refusal(await as('manager', 'POST', '/api/printers', { id: 'p1', name: 'P1', host: 'h' }))).toEqual([409, 'already_exists']);
    expect(refusal(await as('manager', 'PUT', '/api/printers/p1/assignments', { role: 'primary' }))).toEqual([422, 'invalid_args']);
    expect(refusal(await as('manager', 'PUT', '/api/printers/p1/redirect', { to: 'p1' }))).toEqual([422, 'invalid_args']);
    expect(refusal(await as('manager', 'PUT', '/api/printers/nope/redirect', { to: null }))).toEqual([404, 'not_found']);
    expect((await m('GET', '/api/printers/p1')).assignments).toEqual([]);
  });
});
