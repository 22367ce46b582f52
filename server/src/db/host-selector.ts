import pg from 'pg';
import { DatabaseUnavailableError } from './database-errors.ts';
import type { PgHost, PgHosts } from './pg-hosts.ts';

/**
 * How every connection to a chosen host is made: a bounded connect, and TCP keepalive after 10 s
 * of silence, so a peer gone without a reset (a partition) is noticed in seconds, not the OS's
 * two hours.
 */
export const clientConfig = (host: PgHost) => ({
  connectionString: host.url,
  connectionTimeoutMillis: 5000,
  keepAlive: true,
  keepAliveInitialDelayMillis: 10_000,
});

/**
 * Picks the host of a multi-host DATABASE_URL to talk to, the way libpq does: the first that
 * answers, and with `target_session_attrs=read-write` the first that accepts writes. The choice
 * is kept until a connection to it is lost; the next caller then looks again (after a failover,
 * the promoted standby is found this way).
 */
export class HostSelector {
  private current: PgHost | undefined;
  private selecting: Promise<PgHost> | undefined;

  constructor(
    private readonly config: PgHosts,
    private readonly connectTimeoutMs = 3000,
  ) {}

  host(): Promise<PgHost> {
    if (this.current) return Promise.resolve(this.current);
    this.selecting ??= this.select().finally(() => (this.selecting = undefined));
    return this.selecting;
  }

  /** A connection to `host` was lost or refused: look again next time. */
  lost(host: PgHost): void {
    if (this.current === host) this.current = undefined;
  }

  private async select(): Promise<PgHost> {
    const { hosts, needsWritable } = this.config;
    // One host and no condition on it: nothing to choose, the connection itself will tell.
    if (hosts.length === 1 && !needsWritable) return (this.current = hosts[0] as PgHost);
    const problems: string[] = [];
    for (const host of hosts) {
      const problem = await this.probe(host, needsWritable);
      if (!problem) return (this.current = host);
      problems.push(`${host.host}:${host.port} ${problem}`);
    }
    throw new DatabaseUnavailableError(`no usable database host: ${problems.join('; ')}`);
  }

  /** Undefined when `host` will do; otherwise why not. */
  private async probe(host: PgHost, needsWritable: boolean): Promise<string | undefined> {
    const client = new pg.Client({ connectionString: host.url, connectionTimeoutMillis: this.connectTimeoutMs });
    client.on('error', () => undefined);
    try {
      await client.connect();
      if (!needsWritable) return undefined;
      const { rows } = await client.query<{ transaction_read_only: string }>('SHOW transaction_read_only');
      return rows[0]?.transaction_read_only === 'off' ? undefined : 'is read-only (a standby)';
    } catch (err) {
      return `unreachable (${(err as Error).message})`;
    } finally {
      await client.end().catch(() => undefined);
    }
  }
}
