import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../support/server.ts';

const hubPage = 'http://hub.local:8787';

/** A browser's preflight for a sync call with the bearer token, as Replicache sends it. */
const preflight = (server: TestServer, path: string, origin: string, extra: Record<string, string> = {}) =>
  fetch(`${server.url}${path}`, {
    method: 'OPTIONS',
    headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,content-type,x-replicache-requestid', ...extra },
  });

describe('CORS on the sync endpoints (a page loaded from the hub calling the cloud, and back)', () => {
  let open: TestServer;
  let listed: TestServer;

  beforeAll(async () => {
    open = await startServer();
    listed = await startServer({ env: { CORS_ORIGINS: hubPage } });
  }, 60_000);
  afterAll(async () => {
    await open?.stop();
    await listed?.stop();
  });

  it('answers the preflight of push, pull, hub status and health before any token check, without credentials', async () => {
    for (const path of ['/api/replicache/push', '/api/replicache/pull', '/api/hub/status', '/api/health']) {
      const res = await preflight(open, path, hubPage);
      expect(res.status, path).toBe(204);
      expect(res.headers.get('access-control-allow-origin')).toBe('*');
      expect(res.headers.get('access-control-allow-methods')).toBe('GET, POST');
      expect(res.headers.get('access-control-allow-headers')).toBe('authorization, content-type, x-replicache-requestid');
      expect(res.headers.get('access-control-allow-credentials')).toBeNull();
    }
  });

  it('marks the answers themselves, errors included, so the page can read a 401 as a 401', async () => {
    const res = await fetch(`${open.url}/api/replicache/pull`, { method: 'POST', headers: { origin: hubPage, 'content-type': 'application/json' }, body: '{}' });
    expect(res.status).toBe(401);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect((await res.json()) as unknown).toMatchObject({ error: { code: expect.any(String) } });
  });

  it('leaves every other endpoint same-origin', async () => {
    const res = await preflight(open, '/api/orders', hubPage);
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
    const admin = await fetch(`${open.url}/api/admin/tenants`, { headers: { origin: hubPage } });
    expect(admin.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('with CORS_ORIGINS, echoes a listed origin only and refuses the rest', async () => {
    const ok = await preflight(listed, '/api/replicache/push', hubPage);
    expect(ok.headers.get('access-control-allow-origin')).toBe(hubPage);
    expect(ok.headers.get('vary')).toMatch(/origin/i);
    const refused = await preflight(listed, '/api/replicache/push', 'https://evil.example');
    expect(refused.headers.get('access-control-allow-origin')).toBeNull();
    expect(refused.headers.get('access-control-allow-headers')).toBeNull();
  });

  it('allows a cloud page to reach a hub on the LAN (Chromium’s private-network preflight)', async () => {
    const res = await preflight(open, '/api/hub/status', 'https://cloud.example.com', { 'access-control-request-private-network': 'true' });
    expect(res.headers.get('access-control-allow-private-network')).toBe('true');
  });
});
