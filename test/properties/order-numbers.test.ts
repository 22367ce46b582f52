// Order numbers are unique within a restaurant and its service day by construction: whatever
// interleaving of terminals claiming codes, taking orders offline, syncing, and server-numbered
// orders (REST, older clients) the property tries, no two orders of a day share a number, and a
// terminal that had its code when it took an order offline keeps that order's number.
import fc from 'fast-check';
import { mutators, orderKey, type CreateOrderArgs, type Order } from '@kitchensync/shared';
import { MemoryTx, seedKitchen } from '@kitchensync/shared/testing';
import { describe, expect, it } from 'vitest';
import { fcRuns } from './support/runs.ts';

const days: readonly [string, string] = ['2026-12-05', '2026-12-06'];
const terminals = ['t0', 't1', 't2', 't3'] as const;

type Step =
  | { kind: 'claim'; terminal: number; day: number }
  | { kind: 'take'; terminal: number; day: number }
  | { kind: 'sync'; terminal: number }
  | { kind: 'server'; day: number };

const stepArb: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constant('claim' as const), terminal: fc.nat(terminals.length - 1), day: fc.nat(1) }),
  fc.record({ kind: fc.constant('take' as const), terminal: fc.nat(terminals.length - 1), day: fc.nat(1) }),
  fc.record({ kind: fc.constant('take' as const), terminal: fc.nat(terminals.length - 1), day: fc.nat(1) }),
  fc.record({ kind: fc.constant('sync' as const), terminal: fc.nat(terminals.length - 1) }),
  fc.record({ kind: fc.constant('server' as const), day: fc.nat(1) }),
);

const orderArgs = (id: string, terminalId: string | undefined, serviceDay: string): CreateOrderArgs => ({
  id,
  channel: 'takeaway',
  customer: { name: 'Ada' },
  items: [{ id: 'l1', productId: 'burger', quantity: 1 }],
  ...(terminalId === undefined ? {} : { terminalId }),
  serviceDay,
  at: 1_000,
});

describe('order numbers', () => {
  it('never repeat within a service day, and a terminal with its code keeps the numbers it gave offline', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(stepArb, { minLength: 1, maxLength: 80 }), async (steps) => {
        const server = new MemoryTx('server');
        await seedKitchen(server);
        const state = terminals.map(() => ({ replica: server.clone('client'), pending: [] as ((tx: MemoryTx) => Promise<unknown>)[] }));
        const offline = new Map<string, string>();
        let n = 0;
        for (const step of steps) {
          if (step.kind === 'server') {
            await mutators.createOrder(server, orderArgs(`s${n++}`, undefined, days[step.day]!));
            continue;
          }
          const t = state[step.terminal]!;
          const terminalId = terminals[step.terminal]!;
          if (step.kind === 'sync') {
            for (const m of t.pending.splice(0)) await m(server);
            t.replica = server.clone('client');
            continue;
          }
          const id = `${terminalId}-${n++}`;
          const mutation =
            step.kind === 'claim'
              ? (tx: MemoryTx) => mutators.claimTerminalCode(tx, { terminalId, serviceDay: days[step.day]! })
              : (tx: MemoryTx) => mutators.createOrder(tx, orderArgs(id, terminalId, days[step.day]!));
          await mutation(t.replica);
          t.pending.push(mutation);
          const number = step.kind === 'take' ? ((await t.replica.get(orderKey(id))) as Order).number : undefined;
          if (number !== undefined) offline.set(id, number);
        }
        for (const t of state) for (const m of t.pending.splice(0)) await m(server);

        const orders = (await server.scan({ prefix: 'order/' }).toArray()) as Order[];
        for (const day of days) {
          const numbers = orders.filter((o) => o.serviceDay === day).map((o) => o.number);
          expect(numbers.every((x) => x !== undefined)).toBe(true);
          expect(new Set(numbers).size).toBe(numbers.length);
        }
        const byId = new Map(orders.map((o) => [o.id, o.number]));
        for (const [id, number] of offline) expect(byId.get(id)).toBe(number);
      }),
      { numRuns: fcRuns(200) },
    );
  });

  it('a busy day of 1,000 orders from eight terminals and the server has 1,000 distinct numbers', async () => {
    const server = new MemoryTx('server');
    await seedKitchen(server);
    const day = days[0];
    for (let i = 0; i < 8; i++) await mutators.claimTerminalCode(server, { terminalId: `till-${i}`, serviceDay: day });
    for (let i = 0; i < 1000; i++) {
      const till = i % 9;
      await mutators.createOrder(server, orderArgs(`o${i}`, till === 8 ? undefined : `till-${till}`, day));
    }
    const numbers = ((await server.scan({ prefix: 'order/' }).toArray()) as Order[]).map((o) => o.number);
    expect(numbers).toHaveLength(1000);
    expect(new Set(numbers).size).toBe(1000);
    expect(numbers.every((x) => x !== undefined && x.length <= 5)).toBe(true);
  });
});
