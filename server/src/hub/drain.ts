import type { Logger } from 'pino';
import type { Database } from '../db/database.ts';
import { dequeue, markForwarded, nextForwardable } from './outbox.ts';
import { UpstreamRefused, type Upstream } from './upstream.ts';

/**
 * Forwards the hub's queued mutations in order, one client group's run per request; each leaves
 * the outbox once the cloud's bookkeeping has it (kept a while after, `cloud-restore.ts`), so a
 * drain cut by a crash is simply forwarded again and the cloud skips what it has. Throws when the
 * cloud does not answer (or answers from a new epoch); `moved` is called whenever some left the outbox.
 */
export async function drainOutbox(db: Database, upstream: Upstream, cap: number, logger: Logger, moved: () => void): Promise<void> {
  for (;;) {
    const next = await nextForwardable(db, cap);
    if (!next) return;
    try {
      const answer = await upstream.forward(next.push);
      const done = next.push.mutations.filter((m) => m.id <= (answer.lastMutationIDs[m.clientID] ?? 0)).map((m) => next.seqs.get(`${m.clientID}/${m.id}`) as number);
      if (done.length > 0) await markForwarded(db, done);
      else {
        // Nothing taken (a gap the cloud cannot fill, or a client group it purged): retrying cannot help.
        logger.warn({ clientGroupID: next.push.clientGroupID, response: answer.response }, 'the cloud took none of these queued mutations; dropping them');
        await dequeue(db, [...next.seqs.values()]);
      }
    } catch (err) {
      if (!(err instanceof UpstreamRefused)) throw err;
      logger.warn({ clientGroupID: next.push.clientGroupID, status: err.status, body: err.body }, 'the cloud refused queued mutations; dropping them');
      await dequeue(db, [...next.seqs.values()]);
    }
    moved();
  }
}
