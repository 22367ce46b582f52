import { beforeEach, describe, expect, it } from 'vitest';
import { keyPrefix, kitchenOrderKey, printerKey } from '../keys.ts';
import { mutators } from '../mutators.ts';
import type { KitchenOrder } from '../schema.ts';
import type { PrintJob, Printer } from '../schemas/printers.ts';
import { MemoryTx } from '../testing/memory-tx.ts';
import { orderArgs, placeOrder, refusal, seedKitchen } from '../testing/scenario.ts';
import { list, readOrFail } from '../tx.ts';

let tx: MemoryTx;
const jobs = async () => (await list<PrintJob>(tx, keyPrefix.printJob)).sort((a, b) => a.id.localeCompare(b.id));
const printer = (id: string) => readOrFail<Printer>(tx, printerKey(id), id);

beforeEach(async () => {
  tx = new MemoryTx();
  await seedKitchen(tx);
  await mutators.upsertPrinter(tx, { id: 'grill-p', name: 'Grill', host: '10.0.0.5' });
  await mutators.upsertPrinter(tx, { id: 'pass-p', name: 'Pass', host: '10.0.0.6', port: 9101, paperMm: 58 });
  await mutators.assignPrinter(tx, { printerId: 'grill-p', role: 'primary', stationId: 'grill-1' });
  await mutators.assignPrinter(tx, { printerId: 'pass-p', role: 'expo' });
});

describe('printers as restaurant data', () => {
  it('a printer gets port 9100, its paper width in characters and a code page unless told otherwise', async () => {
    expect(await printer('grill-p')).toMatchObject({ port: 9100, paperMm: 80, columns: 48, codePage: 'cp437', active: true });
    expect(await printer('pass-p')).toMatchObject({ port: 9101, paperMm: 58, columns: 32 });
  });

  it('editing a printer keeps its assignments; reassigning a slot replaces it', async () => {
    await mutators.assignPrinter(tx, { printerId: 'grill-p', role: 'backup', stationId: 'fry-1', backupAfterSeconds: 30 });
    await mutators.assignPrinter(tx, { printerId: 'grill-p', role: 'backup', stationId: 'fry-1', backupAfterSeconds: 90 });
    await mutators.upsertPrinter(tx, { id: 'grill-p', name: 'Grill printer' });
    expect((await printer('grill-p')).assignments).toEqual([
      { role: 'primary', stationId: 'grill-1' },
      { role: 'backup', stationId: 'fry-1', backupAfterSeconds: 90 },
    ]);
  });

  it('a primary needs a station that exists and expo takes none, refused without a change', async () => {
    expect(await refusal(tx, () => mutators.assignPrinter(tx, { printerId: 'grill-p', role: 'primary' }))).toEqual({ code: 'invalid_args', changed: false });
    expect(await refusal(tx, () => mutators.assignPrinter(tx, { printerId: 'grill-p', role: 'expo', stationId: 'grill-1' }))).toEqual({ code: 'invalid_args', changed: false });
    expect(await refusal(tx, () => mutators.assignPrinter(tx, { printerId: 'grill-p', role: 'primary', stationId: 'nope' }))).toEqual({ code: 'not_found', changed: false });
  });
});

describe('print jobs at the event', () => {
  it('confirming prints course 1 on its station primary, once, with the ticket as fired', async () => {
    await placeOrder(tx, 'o1', ['burger', 'fries']);
    const [job, ...rest] = await jobs();
    expect(rest).toEqual([]);
    expect(job).toMatchObject({ id: 'o1.v1.grill-1.ticket.grill-p', printerId: 'grill-p', status: 'waiting', kitchenOrderId: 'o1.v1.grill-1' });
    expect(job?.doc).toMatchObject({ kind: 'ticket', stationName: 'Grill 1', items: [{ quantity: 1, name: 'Burger' }] });
  });

  it('cancelling prints a void slip only where the ticket printed', async () => {
    await placeOrder(tx, 'o1', ['burger', 'fries']);
    await mutators.cancelOrder(tx, { orderId: 'o1', at: 5_000 });
    expect((await jobs()).map((j) => j.id)).toEqual(['o1.v1.grill-1.ticket.grill-p', 'o1.v1.grill-1.void.grill-p']);
  });

  it('the pass gets one expo chit when the order is all in, even after a recall and a second bump', async () => {
    await placeOrder(tx, 'o1', ['burger']);
    const ticketId = 'o1.v1.grill-1';
    await mutators.bumpKitchenOrder(tx, { kitchenOrderId: ticketId, at: 3_000 });
    await mutators.recallKitchenOrder(tx, { kitchenOrderId: ticketId, at: 3_500 });
    await mutators.bumpKitchenOrder(tx, { kitchenOrderId: ticketId, at: 4_000 });
    expect((await jobs()).filter((j) => j.doc.kind === 'expo').map((j) => [j.id, j.printerId])).toEqual([['o1.expo.pass-p', 'pass-p']]);
  });

  it('a reprint is a new job marked as such; without a printer for the station it is refused', async () => {
    await placeOrder(tx, 'o1', ['burger', 'fries']);
    await mutators.reprintTicket(tx, { kitchenOrderId: 'o1.v1.grill-1', at: 6_000 });
    expect((await jobs()).map((j) => [j.id, j.doc.kind])).toContainEqual(['o1.v1.grill-1.reprint-6000.grill-p', 'reprint']);
    expect(await refusal(tx, () => mutators.reprintTicket(tx, { kitchenOrderId: 'o1.v1.fry-1', at: 6_000 }))).toEqual({ code: 'invalid_args', changed: false });
  });

  it('a later course prints when fired', async () => {
    const args = orderArgs('o2', ['burger', 'burger']);
    await mutators.createOrder(tx, { ...args, items: args.items.map((i, n) => (n === 1 ? { ...i, course: 2 } : i)) });
    await mutators.confirmOrder(tx, { orderId: 'o2', at: 2_000 });
    await mutators.fireCourse(tx, { orderId: 'o2', course: 2, at: 9_000 });
    expect((await jobs()).map((j) => [j.id, j.doc.kind, j.doc.course])).toEqual([
      ['o2.v1.grill-1.c2.ticket.grill-p', 'course', 2],
      ['o2.v1.grill-1.ticket.grill-p', 'ticket', 1],
    ]);
  });
});

describe('the agent and the manager on a job', () => {
  beforeEach(() => placeOrder(tx, 'o1', ['burger']));
  const id = 'o1.v1.grill-1.ticket.grill-p';

  it('claim, then printed; another agent cannot finish a claim it does not hold', async () => {
    await mutators.claimPrintJob(tx, { jobId: id, agentId: 'a1', at: 10 });
    expect(await refusal(tx, () => mutators.finishPrintJob(tx, { jobId: id, agentId: 'a2', outcome: 'printed', at: 11 }))).toEqual({ code: 'illegal_transition', changed: false });
    await mutators.finishPrintJob(tx, { jobId: id, agentId: 'a1', outcome: 'printed', at: 12 });
    expect((await jobs())[0]).toMatchObject({ status: 'printed', printedAt: 12, attempts: 1 });
    expect(await refusal(tx, () => mutators.claimPrintJob(tx, { jobId: id, agentId: 'a1', at: 13 }))).toEqual({ code: 'illegal_transition', changed: false });
  });

  it('of two agents that chose the same waiting job, only the first claims it', async () => {
    await mutators.claimPrintJob(tx, { jobId: id, agentId: 'a1', at: 10, seen: 'waiting' });
    expect(await refusal(tx, () => mutators.claimPrintJob(tx, { jobId: id, agentId: 'a2', at: 11, seen: 'waiting' }))).toEqual({ code: 'illegal_transition', changed: false });
    expect((await jobs())[0]).toMatchObject({ status: 'printing', claimedBy: 'a1', attempts: 1 });
  });

  it('a claim left unfinished is claimed again as a possible duplicate', async () => {
    await mutators.claimPrintJob(tx, { jobId: id, agentId: 'a1', at: 10 });
    await mutators.claimPrintJob(tx, { jobId: id, agentId: 'a2', at: 20 });
    expect((await jobs())[0]).toMatchObject({ status: 'printing', claimedBy: 'a2', attempts: 2, possibleDuplicate: true });
  });

  it('a failure keeps its reason until the next outcome', async () => {
    await mutators.claimPrintJob(tx, { jobId: id, agentId: 'a1', at: 10 });
    await mutators.finishPrintJob(tx, { jobId: id, agentId: 'a1', outcome: 'failed', failure: 'connection refused', at: 11 });
    expect((await jobs())[0]).toMatchObject({ status: 'failed', failure: 'connection refused' });
    await mutators.claimPrintJob(tx, { jobId: id, agentId: 'a1', at: 12 });
    await mutators.finishPrintJob(tx, { jobId: id, agentId: 'a1', outcome: 'printed', at: 13 });
    expect((await jobs())[0]?.failure).toBeUndefined();
  });

  it('redirecting a printer moves its waiting jobs and sends new ones there until cleared', async () => {
    await mutators.assignPrinter(tx, { printerId: 'grill-p', role: 'primary', stationId: 'grill-2' });
    await mutators.redirectPrinter(tx, { printerId: 'grill-p', to: 'pass-p', at: 30 });
    await placeOrder(tx, 'o3', ['burger']);
    expect((await jobs()).filter((j) => j.doc.kind === 'ticket').map((j) => [j.printerId, j.redirectedFrom])).toEqual([
      ['pass-p', 'grill-p'],
      ['pass-p', 'grill-p'],
    ]);
    await mutators.redirectPrinter(tx, { printerId: 'grill-p', to: null, at: 40 });
    expect((await printer('grill-p')).redirectTo).toBeUndefined();
    expect(await refusal(tx, () => mutators.redirectPrinter(tx, { printerId: 'grill-p', to: 'grill-p', at: 50 }))).toEqual({ code: 'invalid_args', changed: false });
  });

  it('the agent reports what it found at the printer', async () => {
    const ticket = await readOrFail<KitchenOrder>(tx, kitchenOrderKey('o1.v1.grill-1'), 't');
    expect(ticket.status).toBe('queued');
    await mutators.reportPrinterState(tx, { printerId: 'grill-p', condition: 'paper_out', waiting: 3, at: 99 });
    expect((await printer('grill-p')).state).toEqual({ condition: 'paper_out', waiting: 3, at: 99 });
  });
});
