import { describe, expect, it } from 'vitest';
import { hubBacklogText } from './hub-backlog-text.ts';

describe('hub backlog text', () => {
  it('says how many changes wait at the hub for the cloud, and since when', () => {
    expect(hubBacklogText({ upstream: 'offline', pending: 3, oldestPendingAt: 0 }, 4 * 60_000)).toBe('hub: 3 waiting for the cloud for 4 min');
    expect(hubBacklogText({ upstream: 'offline', pending: 1, oldestPendingAt: null }, 0)).toBe('hub: 1 waiting for the cloud');
    expect(hubBacklogText({ upstream: 'offline', pending: 1, oldestPendingAt: 1000 }, 1500)).toBe('hub: 1 waiting for the cloud');
  });

  it('says the cloud is unreachable, and since when, as soon as the hub has lost it', () => {
    const since = new Date(2026, 11, 7, 20, 14).getTime();
    expect(hubBacklogText({ upstream: 'offline', offlineSince: since, pending: 0, oldestPendingAt: null }, since + 5_000)).toBe('cloud unreachable since 20:14');
    expect(hubBacklogText({ upstream: 'offline', offlineSince: since, pending: 3, oldestPendingAt: since }, since + 4 * 60_000)).toBe(
      'cloud unreachable since 20:14 · 3 waiting for 4 min',
    );
    expect(hubBacklogText({ upstream: 'online', offlineSince: null, pending: 2, oldestPendingAt: null }, since)).toBe('hub: 2 waiting for the cloud');
  });

  it('says the cloud must be updated while it is older than a queued change', () => {
    expect(hubBacklogText({ upstream: 'offline', offlineSince: 0, pending: 2, oldestPendingAt: null, cloudOutdated: true }, 0)).toBe(
      'CLOUD MUST BE UPDATED — it runs an older release than this hub; changes are kept here · 2 waiting',
    );
  });

  it('says nothing with no backlog or off the hub', () => {
    expect(hubBacklogText({ upstream: 'online', pending: 0, oldestPendingAt: null }, 0)).toBeUndefined();
    expect(hubBacklogText(undefined, 0)).toBeUndefined();
  });
});
