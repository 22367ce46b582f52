import { describe, expect, it } from 'vitest';
import { hubBacklogText } from './hub-backlog-text.ts';

describe('hub backlog text', () => {
  it('says how many changes wait at the hub for the cloud, and since when', () => {
    expect(hubBacklogText({ upstream: 'offline', pending: 3, oldestPendingAt: 0 }, 4 * 60_000)).toBe('hub: 3 waiting for the cloud for 4 min');
    expect(hubBacklogText({ upstream: 'offline', pending: 1, oldestPendingAt: null }, 0)).toBe('hub: 1 waiting for the cloud');
    expect(hubBacklogText({ upstream: 'offline', pending: 1, oldestPendingAt: 1000 }, 1500)).toBe('hub: 1 waiting for the cloud');
  });

  it('says nothing with no backlog or off the hub', () => {
    expect(hubBacklogText({ upstream: 'online', pending: 0, oldestPendingAt: null }, 0)).toBeUndefined();
    expect(hubBacklogText(undefined, 0)).toBeUndefined();
  });
});
