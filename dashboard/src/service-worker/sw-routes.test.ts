import { describe, expect, it } from 'vitest';
import { handledBy } from './sw-routes.ts';

const at = (path: string, origin = 'http://h') => handledBy(new URL(path, origin), 'http://h');

describe('service worker routes', () => {
  it('serves the dashboard’s pages from the shell and its hashed assets from the cache', () => {
    expect(at('/')).toBe('shell');
    expect(at('/orders/o-1')).toBe('shell');
    expect(at('/assets/main-abc.js')).toBe('asset');
  });

  it('never touches the API, the kitchen app, the customer tracker (its own page) or other origins', () => {
    expect(at('/track/ks_customer_x')).toBeUndefined();
    expect(at('/api/replicache/pull')).toBeUndefined();
    expect(at('/kitchen/')).toBeUndefined();
    expect(at('/kitchen')).toBeUndefined();
    expect(at('/kitchen/assets/index.js')).toBeUndefined();
    expect(at('/', 'http://elsewhere')).toBeUndefined();
  });
});
