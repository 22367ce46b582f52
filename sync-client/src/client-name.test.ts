import { describe, expect, it } from 'vitest';
import { normalizeServerUrl, replicaName, socketUrl } from './client-name.ts';

describe('replica names', () => {
  it('the same token on the same server always gets the same name', () => {
    expect(replicaName('http://k:8787', 'tok-a')).toBe(replicaName('http://k:8787/', 'tok-a'));
  });

  it('two tokens never share a name', () => {
    const names = new Set(Array.from({ length: 2000 }, (_, i) => replicaName('http://k', `token-${i}`)));
    expect(names.size).toBe(2000);
  });

  it('the same token on two servers gets two names', () => {
    expect(replicaName('http://a', 't')).not.toBe(replicaName('http://b', 't'));
  });

  it('names start with the prefix and do not contain the token', () => {
    const name = replicaName('http://a', 'secret-token');
    expect(name).toMatch(/^ks-[0-9a-z]+$/);
    expect(name).not.toContain('secret');
  });
});

describe('server URLs', () => {
  it('trailing slashes are ignored', () => expect(normalizeServerUrl(' http://h:1/// ')).toBe('http://h:1'));
  it('the socket lives at /api/ws with the matching scheme', () => {
    expect(socketUrl('http://h:1/')).toBe('ws://h:1/api/ws');
    expect(socketUrl('https://h.example/base')).toBe('wss://h.example/base/api/ws');
  });
});
