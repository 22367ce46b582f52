import { describe, expect, it } from 'vitest';
import { syncLabel } from './sync-label.ts';

const base = { level: 'offline' as const, connection: 'connecting' as const, browserOnline: true, lastPullAt: undefined };

describe('sync label', () => {
  it('a page that has not reached the server yet is connecting, not offline', () => {
    expect(syncLabel(base)).toEqual({ tone: 'connecting', text: 'Connecting' });
  });

  it('once it has synced, or the browser says so, a lost connection is offline', () => {
    expect(syncLabel({ ...base, lastPullAt: 5 }).tone).toBe('offline');
    expect(syncLabel({ ...base, browserOnline: false }).tone).toBe('offline');
    expect(syncLabel({ ...base, connection: 'disconnected' }).tone).toBe('offline');
  });

  it('other levels speak for themselves', () => {
    expect(syncLabel({ ...base, level: 'ok', connection: 'connected' }).text).toBe('Live');
    expect(syncLabel({ ...base, level: 'auth-error', connection: 'auth-error' }).text).toBe('Signed out');
  });
});
