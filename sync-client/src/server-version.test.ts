import { clientSchemaVersion, release } from '@kitchensync/shared';
import { describe, expect, it } from 'vitest';
import { fetchServerVersion, versionText } from './server-version.ts';

describe("the app's and the server's versions", () => {
  it('names both, and says an update is required when the server no longer serves this schema', () => {
    expect(versionText({ version: '9.9.9', minClientSchemaVersion: clientSchemaVersion })).toEqual({
      text: `app ${release} (schema ${clientSchemaVersion}) · server 9.9.9`,
      updateRequired: false,
    });
    const old = versionText({ version: '9.9.9', minClientSchemaVersion: clientSchemaVersion + 1 });
    expect(old.updateRequired).toBe(true);
    expect(old.text).toContain('update required');
    expect(versionText(undefined).text).toContain('server version unknown');
  });

  it('reads them from /api/health, and an old server without the fields gives none', async () => {
    const answer = (body: unknown) => (async () => new Response(JSON.stringify(body))) as unknown as typeof fetch;
    expect(await fetchServerVersion('http://x', answer({ status: 'ok', version: '1.2.3', minClientSchemaVersion: 1 }))).toEqual({ version: '1.2.3', minClientSchemaVersion: 1 });
    expect(await fetchServerVersion('http://x', answer({ status: 'ok' }))).toBeUndefined();
    const down = (async () => {
      throw new TypeError('failed to fetch');
    }) as unknown as typeof fetch;
    expect(await fetchServerVersion('http://x', down)).toBeUndefined();
  });
});
