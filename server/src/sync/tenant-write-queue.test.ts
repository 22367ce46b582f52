import { describe, expect, it } from 'vitest';
import type { Database, Queryable } from '../db/database.ts';
import { TenantWriteQueue } from './tenant-write-queue.ts';

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

describe('TenantWriteQueue', () => {
  it("an idle tenant's write runs at once; writes that arrive meanwhile share the next transaction", async () => {
    const db = countingDb();
    const queue = new TenantWriteQueue(db);
    const order: number[] = [];
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        queue.run('t1', async () => {
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
    const queue = new TenantWriteQueue(countingDb());
    const first = queue.run('t1', async () => tick());
    const refused = queue.run('t1', async () => {
      throw new Error('no such order');
    });
    const fine = queue.run('t1', async () => 'ok');
    await first;
    await expect(refused).rejects.toThrow('no such order');
    await expect(fine).resolves.toBe('ok');
  });

  it('a statement the database refused aborts the batch: each write runs again alone, so only the bad one fails', async () => {
    const db = countingDb();
    const queue = new TenantWriteQueue(db);
    const first = queue.run('t1', async () => tick());
    let runs = 0;
    const innocent = queue.run('t1', async () => (runs += 1));
    const broken = queue.run('t1', async () => {
      throw Object.assign(new Error('value too long'), { severity: 'ERROR', code: '22001' });
    });
    await first;
    await expect(broken).rejects.toThrow('value too long');
    await expect(innocent).resolves.toBe(2);
    expect(runs).toBe(2); // once in the aborted batch, once alone
    expect(queue.counters).toEqual({ writes: 3, transactions: 4 });
  });

  it('a lost database fails the whole batch at once', async () => {
    const queue = new TenantWriteQueue(countingDb());
    const first = queue.run('t1', async () => tick());
    const broken = queue.run('t1', async () => {
      throw Object.assign(new Error('Connection terminated unexpectedly'), { severity: 'FATAL', code: '57P01' });
    });
    const innocent = queue.run('t1', async () => 'ok');
    await first;
    await expect(broken).rejects.toThrow('Connection terminated');
    await expect(innocent).rejects.toThrow('Connection terminated');
  });

  it('tenants do not wait for each other', async () => {
    const db = countingDb();
    const queue = new TenantWriteQueue(db);
    let release: () => void = () => undefined;
    const slow = queue.run('t1', () => new Promise<void>((resolve) => (release = resolve)));
    await expect(queue.run('t2', async () => 'other tenant')).resolves.toBe('other tenant');
    release();
    await slow;
  });
});
