import { hubTerminalId, localServiceDayOf } from '@kitchensync/shared';
import { describe, expect, it } from 'vitest';
import type { PushRequest } from '../sync/protocol.ts';
import { numberedAtHub } from './hub-numbering.ts';

const at = Date.UTC(2026, 11, 5, 20, 0);
const push = (mutations: { name: string; args: unknown }[]): PushRequest =>
  ({ pushVersion: 1, clientGroupID: 'g', schemaVersion: '1', profileID: 'p', mutations: mutations.map((m, i) => ({ id: i + 1, clientID: 'c', timestamp: at, ...m })) }) as PushRequest;

describe('orders a hub numbers alone', () => {
  it("an order naming no terminal goes on as taken at the hub's terminal, on the hub's service day", () => {
    const out = numberedAtHub(push([{ name: 'createOrder', args: { id: 'o1', at } }]));
    expect(out.mutations[0]?.args).toEqual({ id: 'o1', at, terminalId: hubTerminalId, serviceDay: localServiceDayOf(at) });
  });

  it("a terminal's own order, a day it names, other mutators and malformed args are left as they are", () => {
    const mutations = [
      { name: 'createOrder', args: { id: 'o1', at, terminalId: 'till-1', serviceDay: '2026-12-05' } },
      { name: 'confirmOrder', args: { orderId: 'o1', at } },
      { name: 'createOrder', args: 'nonsense' },
    ];
    const unchanged = push(mutations);
    expect(numberedAtHub(unchanged)).toBe(unchanged);
    const named = numberedAtHub(push([{ name: 'createOrder', args: { id: 'o2', at, serviceDay: '2026-12-04' } }]));
    expect(named.mutations[0]?.args).toMatchObject({ terminalId: hubTerminalId, serviceDay: '2026-12-04' });
  });
});
