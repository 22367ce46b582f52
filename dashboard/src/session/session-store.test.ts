import { describe, expect, it } from 'vitest';
import { createSessionStore } from './session-store.ts';

function memoryStorage() {
  const data = new Map<string, string>();
  return {
    data,
    getItem: (k: string) => data.get(k) ?? null,
    setItem: (k: string, v: string) => void data.set(k, v),
    removeItem: (k: string) => void data.delete(k),
  };
}

describe('session store', () => {
  it('remembers a sign-in and forgets it on sign-out', () => {
    const storage = memoryStorage();
    const store = createSessionStore(storage, 'k');
    store.save({ token: 'ks_manager_x', role: 'manager', tenantId: 't1' });
    expect(store.load()).toEqual({ token: 'ks_manager_x', role: 'manager', tenantId: 't1' });
    store.clear();
    expect(store.load()).toBeUndefined();
  });

  it('a corrupt or foreign entry is no session', () => {
    const storage = memoryStorage();
    const store = createSessionStore(storage, 'k');
    storage.data.set('k', '{not json');
    expect(store.load()).toBeUndefined();
    storage.data.set('k', JSON.stringify({ token: 'x', role: 'kitchen' }));
    expect(store.load()).toBeUndefined();
  });

  it('works without storage at all', () => {
    const store = createSessionStore(undefined, 'k');
    store.save({ token: 't', role: 'admin' });
    expect(store.load()).toBeUndefined();
  });

  it('remembers the cloud and the restaurant hub a manager signed in with, and refuses what is no http(s) URL', () => {
    const storage = memoryStorage();
    const store = createSessionStore(storage, 'k');
    const session = { token: 'ks_manager_x', role: 'manager' as const, serverUrl: 'https://cloud.example.com', hubUrl: 'http://hub.local:8787' };
    store.save(session);
    expect(store.load()).toEqual(session);
    storage.data.set('k', JSON.stringify({ ...session, hubUrl: 'hub.local' }));
    expect(store.load()).toBeUndefined();
  });
});
