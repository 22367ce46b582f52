import { afterEach, describe, expect, it, vi } from 'vitest';
import { createHealthMonitor } from './health-monitor.ts';

afterEach(() => vi.useRealTimers());

describe('the health monitor', () => {
  it('polls the pending count and flags a queue the connected server never confirms', async () => {
    vi.useFakeTimers({ now: 0 });
    let pending = 0;
    const m = createHealthMonitor({ countPending: async () => pending, stuckAfterMs: 5000, tickMs: 1000 });
    m.update({ connection: 'connected' });
    pending = 2;
    await vi.advanceTimersByTimeAsync(1000);
    expect(m.store.get()).toMatchObject({ pendingCount: 2, level: 'syncing' });
    await vi.advanceTimersByTimeAsync(6000);
    expect(m.store.get()).toMatchObject({ level: 'stuck', stuck: true });
    pending = 0;
    await vi.advanceTimersByTimeAsync(1000);
    expect(m.store.get()).toMatchObject({ level: 'ok', pendingCount: 0, lastConfirmedAt: 8000 });
    m.stop();
  });

  it('tells subscribers when the connection changes', () => {
    const m = createHealthMonitor({ countPending: async () => 0, stuckAfterMs: 5000, tickMs: 1000 });
    const seen: string[] = [];
    m.store.subscribe(() => seen.push(m.store.get().connection));
    m.update({ connection: 'disconnected' });
    expect(seen).toEqual(['disconnected']);
    m.stop();
  });
});
