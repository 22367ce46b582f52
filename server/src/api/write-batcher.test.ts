import { describe, expect, it } from 'vitest';
import type { Database, Queryable } from '../db/database.ts';
import { WriteBatcher } from './write-batcher.ts';

/** A database that only counts transactions: jobs here write nothing, so nothing is flushed. */
function countingDb() {
  const q: Queryable = { query: async () => ({ rows: [] }), exec: async () => undefined };
  const db = {
    transactions: 0,
    async transaction<T>(fn: (q: Queryable) => Promise<T>) {
      db.transactions += 1;
      return fn(q);
    },
  };
  return db as typeof db & Database;
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 1));

describe('WriteBatcher', () => {
  it("an idle tenant's write runs at once; writes that arrive meanwhile share the next transaction", async () => {
    const db = countingDb();
    const batcher = new WriteBatcher(db);
    const order: number[] = [];
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        batcher.run('t1', async () => {
          await tick();
          order.push(i);
          return i * 2;
        }),
      ),
    );
    expect(results).toEqual([0, 2, 4, 6, 8, 10, 12, 14, 16, 18]);
    expect(order).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(db.transactions).toBe(2);
  });

  it('a job that refuses fails alone; the others in its batch still answer', async () => {
    const batcher = new WriteBatcher(countingDb());
    const first = batcher.run('t1', async () => tick());
    const refused = batcher.run('t1', async () => {
      throw new Error('no such order');
    });
    const fine = batcher.run('t1', async () => 'ok');
    await first;
    await expect(refused).rejects.toThrow('no such order');
    await expect(fine).resolves.toBe('ok');
  });

  it('a database failure fails the whole batch, which rolled back', async () => {
    const batcher = new WriteBatcher(countingDb());
    const first = batcher.run('t1', async () => tick());
    const broken = batcher.run('t1', async () => {
      throw Object.assign(new Error('connection lost'), { severity: 'FATAL' });
    });
    const innocent = batcher.run('t1', async () => 'ok');
    await first;
    await expect(broken).rejects.toThrow('connection lost');
    await expect(innocent).rejects.toThrow('connection lost');
  });

  it('tenants do not wait for each other', async () => {
    const db = countingDb();
    const batcher = new WriteBatcher(db);
    let release: () => void = () => undefined;
    const slow = batcher.run('t1', () => new Promise<void>((resolve) => (release = resolve)));
    await expect(batcher.run('t2', async () => 'other tenant')).resolves.toBe('other tenant');
    release();
    await slow;
  });
});
