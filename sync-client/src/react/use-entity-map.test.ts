import { Replicache, type WriteTransaction } from 'replicache';
import { afterEach, describe, expect, it } from 'vitest';
import { watchEntities } from './use-entity-map.ts';

const mutators = {
  put: async (tx: WriteTransaction, args: { key: string; value: { id: string; n: number } }) => tx.set(args.key, args.value),
  del: async (tx: WriteTransaction, key: string) => void (await tx.del(key)),
};
let reps: Replicache<typeof mutators>[] = [];
const open = () => {
  const rep = new Replicache({ name: `watch-${Math.random()}`, kvStore: 'mem', mutators, pullInterval: null });
  reps.push(rep);
  return rep;
};
afterEach(async () => {
  for (const r of reps) await r.close();
  reps = [];
});

const next = <T>(rep: Replicache<typeof mutators>, prefix: string, count: number) =>
  new Promise<ReadonlyMap<string, T>[]>((resolve) => {
    const seen: ReadonlyMap<string, T>[] = [];
    const stop = watchEntities<T>(rep, prefix, (m) => {
      seen.push(m);
      if (seen.length === count) {
        stop();
        resolve(seen);
      }
    });
  });

describe('watching a prefix of the replica', () => {
  it('what the replica already holds arrives in the first call, before any change', async () => {
    const rep = open();
    await rep.mutate.put({ key: 'order/a', value: { id: 'a', n: 1 } });
    await rep.mutate.put({ key: 'product/p', value: { id: 'p', n: 1 } });
    const [first] = await next<{ id: string }>(rep, 'order/', 1);
    expect([...(first?.keys() ?? [])]).toEqual(['a']);
  });

  it('an empty prefix still answers once, so screens can tell "empty" from "loading"', async () => {
    const [first] = await next(open(), 'order/', 1);
    expect(first?.size).toBe(0);
  });

  it('changes arrive as new maps, keeping unchanged entities as they were', async () => {
    const rep = open();
    await rep.mutate.put({ key: 'order/a', value: { id: 'a', n: 1 } });
    const calls = next<{ id: string; n: number }>(rep, 'order/', 3);
    await new Promise((r) => setTimeout(r, 20));
    await rep.mutate.put({ key: 'order/b', value: { id: 'b', n: 1 } });
    await rep.mutate.del('order/a');
    const [first, second, third] = await calls;
    expect(second?.get('a')).toBe(first?.get('a'));
    expect([...(third?.keys() ?? [])]).toEqual(['b']);
    expect(third?.get('b')).toBe(second?.get('b'));
  });
});
