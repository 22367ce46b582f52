import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { settingsFile } from './settings-file.ts';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kitchen-settings-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('the settings file', () => {
  it('reads as empty before anything was saved', async () => {
    expect(await settingsFile(join(dir, 'settings.json')).read()).toEqual({});
  });

  it('remembers what was saved', async () => {
    const file = settingsFile(join(dir, 'nested', 'settings.json'));
    const saved = { serverUrl: 'http://k:8787', token: 'tok', stations: ['grill-1'], chime: true };
    await file.write(saved);
    expect(await file.read()).toEqual(saved);
  });

  it('refuses invalid settings and keeps the old ones', async () => {
    const file = settingsFile(join(dir, 'settings.json'));
    await file.write({ serverUrl: 'http://k', token: 't', stations: 'all', chime: false });
    await expect(file.write({ serverUrl: 'ftp://k', token: 't', stations: 'all', chime: false })).rejects.toThrow();
    expect((await file.read()).serverUrl).toBe('http://k');
  });

  it('survives a corrupt file', async () => {
    await writeFile(join(dir, 'settings.json'), '{nope');
    expect(await settingsFile(join(dir, 'settings.json')).read()).toEqual({});
  });
});

describe('partial settings', () => {
  it('setup may save server and token before stations are chosen, but no unknown fields', async () => {
    const file = settingsFile(join(dir, 'settings.json'));
    await file.write({ serverUrl: 'http://k', token: 't' });
    expect(await file.read()).toEqual({ serverUrl: 'http://k', token: 't' });
    await expect(file.write({ serverUrl: 'http://k', evil: 1 })).rejects.toThrow();
  });
});
