import { describe, expect, it } from 'vitest';
import { launchOptions } from './launch-options.ts';

describe('launch options', () => {
  it('kiosk comes from --kiosk or KITCHEN_KIOSK', () => {
    expect(launchOptions(['electron', '.', '--kiosk'], {}).kiosk).toBe(true);
    expect(launchOptions([], { KITCHEN_KIOSK: '1' }).kiosk).toBe(true);
    expect(launchOptions([], { KITCHEN_KIOSK: 'true' }).kiosk).toBe(true);
    expect(launchOptions([], { KITCHEN_KIOSK: '0' }).kiosk).toBe(false);
    expect(launchOptions([], {}).kiosk).toBe(false);
  });

  it('a dev renderer URL must be http(s)', () => {
    expect(launchOptions([], { KITCHEN_RENDERER_URL: 'http://localhost:5173' }).rendererUrl).toBe('http://localhost:5173');
    expect(launchOptions([], { KITCHEN_RENDERER_URL: 'javascript:alert(1)' }).rendererUrl).toBeUndefined();
  });

  it('an update feed must be http(s); without one the terminal never updates itself', () => {
    expect(launchOptions([], { KITCHEN_UPDATE_URL: 'https://updates.example.com/kitchen' }).updateFeedUrl).toBe('https://updates.example.com/kitchen');
    expect(launchOptions([], { KITCHEN_UPDATE_URL: 'file:///tmp/x' }).updateFeedUrl).toBeUndefined();
    expect(launchOptions([], {}).updateFeedUrl).toBeUndefined();
  });
});
