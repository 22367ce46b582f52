import { describe, expect, it } from 'vitest';
import { computeHealth, formatAge, initialFacts, observePending, type SyncFacts } from './sync-health.ts';

const connected: SyncFacts = { ...initialFacts, connection: 'connected' };

describe('observing the pending queue', () => {
  it('the first local change starts the waiting clock', () => {
    const f = observePending(connected, 1, 1000);
    expect(f).toMatchObject({ pendingCount: 1, pendingSince: 1000, lastConfirmedAt: undefined });
  });

  it('more changes do not restart the clock', () => {
    const f = observePending(observePending(connected, 1, 1000), 3, 5000);
    expect(f.pendingSince).toBe(1000);
  });

  it('a shorter queue means the server confirmed something: the clock restarts', () => {
    const f = observePending(observePending(connected, 3, 1000), 1, 9000);
    expect(f).toMatchObject({ pendingCount: 1, pendingSince: 9000, lastConfirmedAt: 9000 });
  });

  it('an empty queue stops the clock and records the confirmation', () => {
    const f = observePending(observePending(connected, 2, 1000), 0, 4000);
    expect(f).toMatchObject({ pendingCount: 0, pendingSince: undefined, lastConfirmedAt: 4000 });
  });

  it('an unchanged count returns the same facts object', () => {
    const f = observePending(connected, 2, 1000);
    expect(observePending(f, 2, 2000)).toBe(f);
  });
});

describe('computing health', () => {
  it('connected with nothing pending is ok', () => {
    expect(computeHealth(connected, 0, 10_000)).toMatchObject({ online: true, level: 'ok', stuck: false, waitingMs: 0 });
  });

  it('connected with a fresh pending change is syncing', () => {
    const h = computeHealth(observePending(connected, 1, 1000), 3000, 10_000);
    expect(h).toMatchObject({ level: 'syncing', waitingMs: 2000, stuck: false });
  });

  it('connected while the server confirms nothing past the threshold is stuck', () => {
    const h = computeHealth(observePending(connected, 1, 1000), 12_000, 10_000);
    expect(h).toMatchObject({ level: 'stuck', stuck: true });
  });

  it('offline with pending changes is offline, not stuck: the queue waits for the network', () => {
    const offline = { ...observePending(connected, 4, 0), connection: 'disconnected' as const };
    expect(computeHealth(offline, 60_000, 10_000)).toMatchObject({ online: false, stuck: false, level: 'offline' });
  });

  it('the browser saying offline or failing requests count as offline', () => {
    expect(computeHealth({ ...connected, browserOnline: false }, 0, 1).level).toBe('offline');
    expect(computeHealth({ ...connected, replicacheOnline: false }, 0, 1).level).toBe('offline');
  });

  it('the network up but the server silent is "server not answering", not a network drop', () => {
    expect(computeHealth({ ...connected, connection: 'disconnected' }, 0, 1)).toMatchObject({ level: 'offline', serverUnreachable: true });
    expect(computeHealth({ ...connected, replicacheOnline: false }, 0, 1).serverUnreachable).toBe(true);
    expect(computeHealth({ ...connected, connection: 'connecting', lastPullAt: 5 }, 9, 1).serverUnreachable).toBe(true);
    expect(computeHealth({ ...connected, connection: 'disconnected', browserOnline: false }, 0, 1).serverUnreachable).toBe(false);
  });

  it('starting up is not yet "server not answering"', () => {
    expect(computeHealth({ ...initialFacts }, 0, 1).serverUnreachable).toBe(false);
  });

  it('a refused token wins over everything', () => {
    expect(computeHealth({ ...connected, connection: 'auth-error', pendingCount: 2 }, 0, 1).level).toBe('auth-error');
  });

  it('a build the server no longer serves says "update required", even with changes waiting (they are kept)', () => {
    const old = { ...observePending(connected, 3, 0), updateRequired: 'app' as const };
    expect(computeHealth(old, 60_000, 10_000)).toMatchObject({ level: 'update-required', pendingCount: 3 });
  });

  it('a server older than this app (a hub not yet updated) is the one to update', () => {
    const newer = { ...observePending(connected, 2, 0), updateRequired: 'server' as const };
    expect(computeHealth(newer, 60_000, 10_000)).toMatchObject({ level: 'server-outdated', pendingCount: 2 });
  });
});

describe('formatting ages', () => {
  it.each([
    [0, 'just now'],
    [1500, 'just now'],
    [42_000, '42 s'],
    [185_000, '3 min'],
    [7_300_000, '2 h'],
  ])('%i ms reads "%s"', (ms, text) => expect(formatAge(ms)).toBe(text));
});
