import { describe, expect, it } from 'vitest';
import { isDatabaseUnavailable } from './database-errors.ts';
import { HostSelector } from './host-selector.ts';
import { parsePgHosts } from './pg-hosts.ts';

/** The local test cluster (scripts/setup-machine.sh); port 1 has nothing listening. */
const live = new URL(process.env.TEST_POSTGRES_URL ?? 'postgres://kitchensync:kitchensync@127.0.0.1:5432/postgres');
const url = (hosts: string, attrs = 'read-write') =>
  `postgres://${live.username}:${live.password}@${hosts}${live.pathname}?target_session_attrs=${attrs}`;

describe('choosing the database host (real Postgres)', () => {
  it('skips a host that does not answer and keeps the first writable one until it is lost', async () => {
    const selector = new HostSelector(parsePgHosts(url(`127.0.0.1:1,${live.host}`)), 1000);
    const chosen = await selector.host();
    expect(chosen.port).toBe(Number(live.port || 5432));
    expect(await selector.host()).toBe(chosen);
    selector.lost(chosen);
    expect(await selector.host()).toEqual(chosen);
  });

  it('reports every host and why when none will do, as "database unavailable"', async () => {
    const selector = new HostSelector(parsePgHosts(url('127.0.0.1:1,127.0.0.1:2')), 1000);
    const err = await selector.host().catch((e: unknown) => e);
    expect(isDatabaseUnavailable(err)).toBe(true);
    expect(String((err as Error).message)).toMatch(/127\.0\.0\.1:1 unreachable.*127\.0\.0\.1:2 unreachable/);
  });
});
