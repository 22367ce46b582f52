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
const argsOf = async (p: PushRequest) => (await numberedAtHub(p, rows)).mutations.map((m) => m.args);

describe('numbering at a hub cut off from the cloud', () => {
  it("an order naming no terminal goes on as taken at the hub's terminal, on the hub's service day", async () => {
    expect(await argsOf(push([{ name: 'createOrder', args: { id: 'o1', at } }]))).toEqual([{ id: 'o1', at, terminalId: hubTerminalId, serviceDay: localServiceDayOf(at) }]);
  });

  it("a terminal without a code from the cloud orders as the hub, and its claim becomes the hub's own", async () => {
    const mutations = [
      { name: 'claimTerminalCode', args: { terminalId: 'till-9', serviceDay: day } },
      { name: 'createOrder', args: { id: 'o2', at, terminalId: 'till-9', serviceDay: day } },
    ];
    expect(await argsOf(push(mutations))).toEqual([
      { terminalId: hubTerminalId, serviceDay: day },
      { id: 'o2', at, terminalId: hubTerminalId, serviceDay: day },
    ]);
  });

  it("a terminal with the cloud's code, other mutators and malformed args are left as they are", async () => {
    const unchanged = push([
      { name: 'createOrder', args: { id: 'o1', at, terminalId: 'till-1', serviceDay: day } },
      { name: 'claimTerminalCode', args: { terminalId: 'till-1', serviceDay: day } },
      { name: 'confirmOrder', args: { orderId: 'o1', at } },
      { name: 'createOrder', args: 'nonsense' },
    ]);
    expect(await numberedAtHub(unchanged, rows)).toBe(unchanged);
  });
});
