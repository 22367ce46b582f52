import { describe, expect, it } from 'vitest';
import { parseRoute, routePath, trackingUrl, type Route } from './routes.ts';

describe('routes', () => {
  it('every page has a path that parses back to it', () => {
    const routes: Route[] = [
      { name: 'board' },
      { name: 'new-order' },
      { name: 'order', id: 'o-1a2b' },
      { name: 'menu' },
      { name: 'stations' },
      { name: 'stats' },
      { name: 'admin' },
      { name: 'track', token: 'ks_customer_abc-DEF_1' },
    ];
    for (const route of routes) expect(parseRoute(routePath(route))).toEqual(route);
  });

  it('trailing slashes do not matter and unknown paths are not found', () => {
    expect(parseRoute('/menu/')).toEqual({ name: 'menu' });
    expect(parseRoute('/nope')).toEqual({ name: 'not-found' });
    expect(parseRoute('/orders/a/b')).toEqual({ name: 'not-found' });
  });

  it('a tracking link with a broken token is still the tracker (which then says the link is bad)', () => {
    expect(parseRoute('/track/%E0%A4%A')).toEqual({ name: 'track', token: '%E0%A4%A' });
    expect(parseRoute('/track/')).toEqual({ name: 'track', token: '' });
  });

  it('the tracking link is absolute', () => {
    expect(trackingUrl('https://bistro.example', 'ks_customer_x')).toBe('https://bistro.example/track/ks_customer_x');
  });
});
