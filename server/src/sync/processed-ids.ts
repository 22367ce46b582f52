import { RecentMap } from '../recent-map.ts';

/** How many clients' ids are remembered per database (the least recently pushed are forgotten first). */
const capacity = 10_000;

/**
 * The last mutation id this process committed for each recent client. A client re-sends every
 * mutation until a pull confirms it, so a push often starts with ones already processed: their
 * rows need not be read up front. Another process may have gone further (ids only grow), so this
 * is a lower bound — enough for a hint, never used to decide what is applied.
 */
export class ProcessedIds {
  private readonly last = new RecentMap<string, number>(capacity);

  /** The mutations past what is known to be processed. */
  unprocessed<M extends { clientID: string; id: number }>(mutations: readonly M[]): M[] {
    return mutations.filter((m) => m.id > (this.last.get(m.clientID) ?? 0));
  }

  committed(lmids: ReadonlyMap<string, number>): void {
    for (const [clientID, id] of lmids) this.last.set(clientID, id);
  }

  /** After a restore the database's ids went back: what this process committed since is no lower bound. */
  forgetAll(): void {
    this.last.deleteWhere(() => true);
  }
}
