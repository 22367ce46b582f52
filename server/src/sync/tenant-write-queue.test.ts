import { describe, expect, it } from 'vitest';
import { TenantWriteQueue, type CommitBatch, type Outcome } from './tenant-write-queue.ts';

interface Job {
  run(): Promise<unknown>;
}

/** A job's outcome, as a batch committer reports it; a database failure ends the whole batch. */
async function settle(job: Job, undo: () => void): Promise<Outcome> {
  try {
    return { ok: true, value: await job.run() };
  } catch (error) {
    if ((error as { severity?: string }).severity === 'FATAL') throw error;
    undo();
    return { ok: false, error };
  }
}

/** Commits batches by running their jobs in turn, counting transactions and the batches' sizes. */
function counting() {
  const sizes: number[] = [];
  const undone: number[] = [];
  const commit: CommitBatch<Job> = async (_tenant, jobs) => {
    sizes.push(jobs.length);
    const outcomes: Outcome[] = [];
    for (const [i, job] of jobs.entries()) outcomes.push(await settle(job, () => undone.push(i)));
    return outcomes;
  };
  return { sizes, undone, queue: new TenantWriteQueue(commit) };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 1));
const job = (run: () => Promise<unknown>): Job => ({ run });

describe('TenantWriteQueue', () => {
  it("an idle tenant's write runs at once; writes that arrive meanwhile share the next transaction", async () => {
    const { queue, sizes } = counting();
    const order: number[] = [];
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        queue.run('t1', job(async () => {
          await tick();
          order.push(i);
          return i * 2;
        })),
      ),
    );
    expect(results).toEqual([0, 2, 4, 6, 8, 10, 12, 14, 16, 18]);
    expect(order).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(sizes).toEqual([1, 9]);
    expect(queue.counters).toEqual({ writes: 10, transactions: 2 });
  });

  it('a job that refuses fails alone and is undone; the others in its batch still answer', async () => {
    const { queue, undone } = counting();
    const first = queue.run('t1', job(async () => tick()));
    const refused = queue.run('t1', job(async () => {
      throw new Error('no such order');
    }));
    const fine = queue.run('t1', job(async () => 'ok'));
    await first;
    await expect(refused).rejects.toThrow('no such order');
    await expect(fine).resolves.toBe('ok');
    expect(undone).toEqual([0]); // the refused job, first of the second batch
  });

  it('a lost database fails the whole batch at once', async () => {
    const { queue } = counting();
    const first = queue.run('t1', job(async () => tick()));
    const broken = queue.run('t1', job(async () => {
      throw Object.assign(new Error('Connection terminated unexpectedly'), { severity: 'FATAL', code: '57P01' });
    }));
    const innocent = queue.run('t1', job(async () => 'ok'));
    await first;
    await expect(broken).rejects.toThrow('Connection terminated');
    await expect(innocent).rejects.toThrow('Connection terminated');
  });

  it('tenants do not wait for each other', async () => {
    const { queue } = counting();
    let release: () => void = () => undefined;
    const slow = queue.run('t1', job(() => new Promise<void>((resolve) => (release = resolve))));
    await expect(queue.run('t2', job(async () => 'other tenant'))).resolves.toBe('other tenant');
    release();
    await slow;
  });
});
