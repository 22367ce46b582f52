import type { Database } from '../db/database.ts';
import { channels } from './notify.ts';
import type { PokeMessage } from './tenant-write.ts';

/**
 * Tells the other server processes on the database about this process's commits, so that their
 * `PokeHub`s poke their sockets: by NOTIFY after the commit, not inside it. Postgres serialises
 * the commits of every transaction that sent a NOTIFY (a database-wide lock held until the commit
 * record is flushed), so a NOTIFY inside each push made every tenant's push wait for the WAL
 * flushes of all the others (`pnpm bench notify`). Here the NOTIFY commits asynchronously (it
 * writes nothing to keep: it only wakes the listeners), and the pokes committed while one NOTIFY is
 * on its way all go in the next statement, so a busy process holds that lock once at a time, briefly.
 *
 * A process killed between a commit and its NOTIFY leaves the other processes' screens of that
 * tenant unpoked until the tenant's next write or their next backstop pull: late, never lost (a
 * pull reads everything written since its view record). A PGlite database has one process (its
 * data directory is locked): there is nobody to tell.
 */
export class PokeRelay {
  private queued: PokeMessage[] = [];
  private sending: Promise<void> | undefined;

  constructor(
    private readonly db: Database,
    /** Names this process in its NOTIFYs, so that it ignores its own when they come back. */
    private readonly origin: string,
    private readonly onFailure: (error: unknown) => void,
  ) {}

  send(poke: PokeMessage): void {
    if (this.db.kind === 'pglite') return;
    this.queued.push({ ...poke, s: this.origin });
    this.sending ??= this.drain();
  }

  /** Resolves once every poke handed to `send` so far has gone out (or failed). */
  async settled(): Promise<void> {
    await this.sending;
  }

  private async drain(): Promise<void> {
    while (this.queued.length > 0) {
      const pokes = this.queued.map((p) => JSON.stringify(p));
      this.queued = [];
      try {
        await this.db.query("SELECT set_config('synchronous_commit', 'off', true), pg_notify($1, poke) FROM unnest($2::text[]) AS poke", [channels.poke, pokes]);
      } catch (error) {
        // Other processes' screens of these tenants wait for their next poke: say so, and go on.
        this.onFailure(error);
      }
    }
    this.sending = undefined;
  }
}
