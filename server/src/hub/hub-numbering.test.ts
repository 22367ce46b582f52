import { hubTerminalId, localServiceDayOf, type ServiceDay } from '@kitchensync/shared';
import { describe, expect, it } from 'vitest';
import type { PushRequest } from '../sync/protocol.ts';
import { numberedAtHub } from './hub-numbering.ts';

const at = Date.UTC(2026, 11, 5, 20, 0);
const day = '2026-12-05';
const push = (mutations: { name: string; args: unknown }[]): PushRequest =>
  ({ pushVersion: 1, clientGroupID: 'g', schemaVersion: '1', profileID: 'p', mutations: mutations.map((m, i) => ({ id: i + 1, clientID: 'c', timestamp: at, ...m })) }) as PushRequest;
/** The hub's copy of the day: till-1 got its code from the cloud. */
const rows = async (d: string): Promise<ServiceDay | undefined> => (d === day ? { id: day, lastNumber: 4, terminals: [{ code: 'A', terminalId: 'till-1', lastNumber: 2 }] } : undefined);
const copy = { dayRow: rows, lastMutationId: async () => 0 };
const argsOf = async (p: PushRequest) => (await numberedAtHub(p, copy)).mutations.map((m) => m.args);

describe('numbering at a hub cut off from the cloud', () => {
  it("an order naming no terminal goes on as taken at the hub's terminal, on the hub's service day", async () => {
    expect(await argsOf(push([{ name: 'createOrder', args: { id: 'o1', at } }]))).toEqual([{ id: 'o1', at, terminalId: hubTerminalId, serviceDay: localServiceDayOf(at), number: 'H-1' }]);
  });

  it("the hub's orders carry the numbers it gives them, on from its counter of the day", async () => {
    const counted = async (d: string): Promise<ServiceDay | undefined> => ({ id: d, lastNumber: 0, terminals: [{ code: 'H', terminalId: hubTerminalId, lastNumber: 6 }] });
    const out = await numberedAtHub(push([{ name: 'createOrder', args: { id: 'a', at, serviceDay: day } }, { name: 'createOrder', args: { id: 'b', at, serviceDay: day } }]), { dayRow: counted, lastMutationId: async () => 0 });
    expect(out.mutations.map((m) => (m.args as { number: string }).number)).toEqual(['H-7', 'H-8']);
    // Pushed again with the first already applied, only the second takes a number.
    const again = await numberedAtHub(push([{ name: 'createOrder', args: { id: 'a', at, serviceDay: day } }, { name: 'createOrder', args: { id: 'b', at, serviceDay: day } }]), { dayRow: counted, lastMutationId: async () => 1 });
    expect(again.mutations.map((m) => (m.args as { number?: string }).number)).toEqual([undefined, 'H-7']);
  });

  it("a terminal without a code from the cloud orders as the hub, and its claim becomes the hub's own", async () => {
    const mutations = [
      { name: 'claimTerminalCode', args: { terminalId: 'till-9', serviceDay: day } },
      { name: 'createOrder', args: { id: 'o2', at, terminalId: 'till-9', serviceDay: day } },
    ];
    expect(await argsOf(push(mutations))).toEqual([
      { terminalId: hubTerminalId, serviceDay: day },
      { id: 'o2', at, terminalId: hubTerminalId, serviceDay: day, number: 'H-1' },
    ]);
  });

  it("a terminal with the cloud's code, other mutators and malformed args are left as they are", async () => {
    const unchanged = push([
      { name: 'createOrder', args: { id: 'o1', at, terminalId: 'till-1', serviceDay: day } },
      { name: 'claimTerminalCode', args: { terminalId: 'till-1', serviceDay: day } },
      { name: 'confirmOrder', args: { orderId: 'o1', at } },
      { name: 'createOrder', args: 'nonsense' },
    ]);
    expect(await numberedAtHub(unchanged, copy)).toBe(unchanged);
  });
});
