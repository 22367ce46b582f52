import { beforeEach, describe, expect, it } from 'vitest';
import { keyPrefix, stationKey } from '../keys.ts';
import { mutators, printAgentMutatorNames } from '../mutators.ts';
import type { Station } from '../schema.ts';
import type { PrintJob } from '../schemas/printers.ts';
import { layoutPrintDoc } from '../print/layout.ts';
import { MemoryTx } from '../testing/memory-tx.ts';
import { placeOrder, refusal, seedKitchen } from '../testing/scenario.ts';
import { list, readOrFail } from '../tx.ts';

let tx: MemoryTx;
const jobs = async () => (await list<PrintJob>(tx, keyPrefix.printJob)).sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id));
const fryer = () => readOrFail<Station>(tx, stationKey('fry-1'), 'fry-1');

beforeEach(async () => {
  tx = new MemoryTx();
  await seedKitchen(tx);
  await mutators.upsertPrinter(tx, { id: 'bar-p', name: 'Bar', host: '10.0.0.7' });
  await mutators.assignPrinter(tx, { printerId: 'bar-p', role: 'backup', stationId: 'fry-1', backupAfterSeconds: 5 });
});

describe('backup mode for a dead screen', () => {
  it('nothing prints on a backup printer while the station has a screen', async () => {
    await placeOrder(tx, 'o1', ['fries']);
    expect(await jobs()).toEqual([]);
  });

  it('screens down: the open tickets print once as one batch, new tickets print, a second word changes nothing', async () => {
    await placeOrder(tx, 'o1', ['fries'], { at: 1_000 });
    await placeOrder(tx, 'o2', ['fries'], { at: 2_000 });
    await mutators.bumpKitchenOrder(tx, { kitchenOrderId: 'o2.v1.fry-1', at: 2_500 });
    await placeOrder(tx, 'o3', ['fries'], { at: 3_000 });
    await mutators.stationScreensDown(tx, { stationId: 'fry-1', since: 4_000, at: 9_000 });
    await mutators.stationScreensDown(tx, { stationId: 'fry-1', since: 4_500, at: 9_500 });
    const [batch, ...rest] = await jobs();
    expect(rest).toEqual([]);
    expect(batch).toMatchObject({ id: 'fry-1.screen_down-4000.bar-p', printerId: 'bar-p', stationId: 'fry-1', kitchenOrderIds: ['o1.v1.fry-1', 'o3.v1.fry-1'], screensDownSince: 4_000 });
    const text = layoutPrintDoc(batch!.doc, { columns: 48 }).map((l) => l.text);
    expect(text.slice(0, 4)).toEqual(['SCREEN DOWN', 'Fryer', 'Screens gone since 00:00', 'Printed 00:00 - 2 open tickets']);
    expect(text.filter((t) => t === '1 x Fries')).toHaveLength(2);
    await placeOrder(tx, 'o4', ['fries'], { at: 10_000 });
    expect((await jobs()).map((j) => [j.id, j.screensDownSince])).toContainEqual(['o4.v1.fry-1.ticket.bar-p', 4_000]);
  });

  it('a screen back stops printing and leaves a notice of what printed, until a cook dismisses it', async () => {
    await placeOrder(tx, 'o1', ['fries']);
    await mutators.stationScreensDown(tx, { stationId: 'fry-1', since: 4_000, at: 9_000 });
    await placeOrder(tx, 'o2', ['fries'], { at: 10_000 });
    await mutators.stationScreensBack(tx, { stationId: 'fry-1', at: 12_000 });
    const numbers = (await jobs()).flatMap((j) => (j.doc.tickets ?? [j.doc]).map((t) => t.number));
    expect((await fryer()).screensDownSince).toBeUndefined();
    expect((await fryer()).screenDownNotice).toEqual({ since: 4_000, until: 12_000, printed: [{ printerId: 'bar-p', printerName: 'Bar', numbers }] });
    await placeOrder(tx, 'o3', ['fries'], { at: 13_000 });
    expect(await jobs()).toHaveLength(2);
    await mutators.dismissScreenDownNotice(tx, { stationId: 'fry-1' });
    expect((await fryer()).screenDownNotice).toBeUndefined();
  });

  it('a ticket printed in one outage is not in the next outage’s batch; its void prints where the batch did', async () => {
    await placeOrder(tx, 'o1', ['fries']);
    await mutators.stationScreensDown(tx, { stationId: 'fry-1', since: 4_000, at: 9_000 });
    await mutators.stationScreensBack(tx, { stationId: 'fry-1', at: 12_000 });
    await placeOrder(tx, 'o2', ['fries'], { at: 13_000 });
    await mutators.stationScreensDown(tx, { stationId: 'fry-1', since: 14_000, at: 20_000 });
    const batches = (await jobs()).filter((j) => j.doc.kind === 'screen_down');
    expect(batches.map((j) => j.kitchenOrderIds)).toEqual([['o1.v1.fry-1'], ['o2.v1.fry-1']]);
    await mutators.cancelOrder(tx, { orderId: 'o1', at: 21_000 });
    expect((await jobs()).map((j) => j.id)).toContain('o1.v1.fry-1.void.bar-p');
  });

  it('a station without a backup printer cannot be put in backup mode; a manager edit keeps the mode', async () => {
    expect(await refusal(tx, () => mutators.stationScreensDown(tx, { stationId: 'grill-1', since: 1, at: 2 }))).toEqual({ code: 'invalid_args', changed: false });
    await mutators.stationScreensDown(tx, { stationId: 'fry-1', since: 4_000, at: 9_000 });
    await mutators.upsertStation(tx, { id: 'fry-1', name: 'Fryer 1', type: 'fry', capacity: 4 });
    expect((await fryer()).screensDownSince).toBe(4_000);
  });

  it('the print agent’s word is declared on its mutators: what a hub may run as itself', () => {
    expect([...printAgentMutatorNames].sort()).toEqual(['claimPrintJob', 'finishPrintJob', 'reportPrinterState', 'stationScreensBack', 'stationScreensDown']);
  });
});
