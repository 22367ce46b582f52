import { describe, expect, it } from 'vitest';
import { recoverAsThisBuild } from './create-replicache.ts';

const refused = { error: 'VersionNotSupported', versionType: 'schema' };
const ok = { httpRequestInfo: { httpStatusCode: 200, errorMessage: '' } };

/** A server that serves the schemas given, recording what it was sent. */
function server(serves: string[]) {
  const seen: string[] = [];
  const send = async (request: { schemaVersion: string }) => {
    seen.push(request.schemaVersion);
    return serves.includes(request.schemaVersion) ? ok : { ...ok, response: refused };
  };
  return { seen, send };
}

describe('recovering an older build’s client group', () => {
  it('sends a group the server refuses again as this build’s schema', async () => {
    const s = server(['2']);
    expect(await recoverAsThisBuild(s.send, '2')({ schemaVersion: '1' }, 'r1')).toEqual(ok);
    expect(s.seen).toEqual(['1', '2']);
  });

  it('sends a group the server still serves once, as it is', async () => {
    const s = server(['1']);
    expect(await recoverAsThisBuild(s.send, '2')({ schemaVersion: '1' }, 'r1')).toEqual(ok);
    expect(s.seen).toEqual(['1']);
  });

  it('counts a group refused in both schemas as a failed request (retried later), never as VersionNotSupported (given up)', async () => {
    const s = server(['3']);
    const result = await recoverAsThisBuild(s.send, '2')({ schemaVersion: '1' }, 'r1');
    expect(result).toEqual({ httpRequestInfo: { httpStatusCode: 0, errorMessage: 'the server serves neither schema 1 nor 2' } });
  });

  it('passes this build’s own refusal through: the screen says update required', async () => {
    const s = server(['3']);
    expect(await recoverAsThisBuild(s.send, '2')({ schemaVersion: '2' }, 'r1')).toEqual({ ...ok, response: refused });
    expect(s.seen).toEqual(['2']);
  });
});
