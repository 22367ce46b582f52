import { describe, expect, it } from 'vitest';
import { defaultServerUrl } from './settings-store.ts';

describe('the default server URL', () => {
  it('is the page origin when served over http(s) at /kitchen/', () => {
    expect(defaultServerUrl({ protocol: 'http:', origin: 'http://10.0.0.2:8787' })).toBe('http://10.0.0.2:8787');
  });
  it('is the local default when loaded from a file (Electron)', () => {
    expect(defaultServerUrl({ protocol: 'file:', origin: 'null' })).toBe('http://127.0.0.1:8787');
    expect(defaultServerUrl(undefined)).toBe('http://127.0.0.1:8787');
  });
});
