import { describe, expect, it } from 'vitest';
import { quietBeforeUpdateMs, updateCheckIntervalMs } from '../common/update-policy.ts';
import { updates, type PlatformUpdater } from './updates.ts';

type Listener = (...args: never[]) => void;

function fakeUpdater() {
  const listeners = new Map<string, Listener>();
  const calls: string[] = [];
  const updater: PlatformUpdater = {
    setFeedURL: ({ url }) => void calls.push(`feed ${url}`),
    checkForUpdates: () => void calls.push('check'),
    quitAndInstall: () => void calls.push('install'),
    on: (event: string, listener: Listener) => listeners.set(event, listener),
  };
  const download = (name: string) => (listeners.get('update-downloaded') as (e: unknown, n: string, r: string) => void)({}, '', name);
  return { updater, calls, download };
}

const idleScreen = (now: number) => ({ pendingChanges: 0, openTickets: 0, ticketsInProgress: 0, lastInputAt: now - quietBeforeUpdateMs, updateRequired: false });

describe("the kitchen app's updates (main process)", () => {
  it('checks the feed when due and installs a downloaded update only when the policy allows', () => {
    let now = 5_000_000;
    const fake = fakeUpdater();
    const u = updates({ updater: fake.updater, feedUrl: 'https://updates.example.com', now: () => now, log: () => undefined });
    expect(u.tick()).toEqual({ apply: false, reason: 'nothing-downloaded' });
    expect(fake.calls).toEqual(['feed https://updates.example.com', 'check']);
    fake.download('0.3.0');
    expect(u.tick()).toEqual({ apply: false, reason: 'mid-ticket' });
    u.report({ ...idleScreen(now), pendingChanges: 2 });
    expect(u.tick()).toEqual({ apply: false, reason: 'pending-changes' });
    u.report({ nonsense: true });
    expect(u.tick().reason).toBe('pending-changes');
    now += updateCheckIntervalMs;
    u.report(idleScreen(now));
    expect(u.tick()).toEqual({ apply: true, reason: 'between-services' });
    expect(fake.calls).toEqual(['feed https://updates.example.com', 'check', 'check', 'install']);
  });

  it('installs on quit when nothing waits and no ticket is being worked', () => {
    const fake = fakeUpdater();
    const u = updates({ updater: fake.updater, feedUrl: 'https://updates.example.com', now: () => 5_000_000, log: () => undefined });
    fake.download('0.3.0');
    u.report({ ...idleScreen(5_000_000), openTickets: 4 });
    expect(u.quitting()).toEqual({ apply: true, reason: 'restart' });
    expect(fake.calls.at(-1)).toBe('install');
  });

  it('without a feed it never checks or installs', () => {
    const fake = fakeUpdater();
    const u = updates({ updater: fake.updater, feedUrl: undefined, now: () => 5_000_000, log: () => undefined });
    u.report(idleScreen(5_000_000));
    expect(u.tick()).toEqual({ apply: false, reason: 'nothing-downloaded' });
    expect(fake.calls).toEqual([]);
  });
});
