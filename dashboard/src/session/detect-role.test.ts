import { describe, expect, it } from 'vitest';
import { detectRole } from './detect-role.ts';

const server = (answers: Record<string, { status: number; body?: unknown }>) => async (url: string) => {
  const path = new URL(url).pathname;
  const answer = answers[path];
  if (!answer) throw new TypeError('network down');
  return { status: answer.status, json: async () => answer.body };
};

describe('detecting the role of a token', () => {
  it('a token that may list tenants is the admin', async () => {
    expect(await detectRole('http://s', 't', server({ '/api/admin/tenants': { status: 200 } }))).toEqual({ ok: true, role: 'admin' });
  });

  it('a staff token that may read websocket stats is a manager, and the stats name its tenant', async () => {
    const fetchFn = server({
      '/api/admin/tenants': { status: 403 },
      '/api/websocket/stats': { status: 200, body: { connectionsPerTenant: { ten_1: 2 } } },
    });
    expect(await detectRole('http://s', 't', fetchFn)).toEqual({ ok: true, role: 'manager', tenantId: 'ten_1' });
  });

  it('kitchen and tracking tokens are turned away, unknown ones refused', async () => {
    const kitchen = server({ '/api/admin/tenants': { status: 403 }, '/api/websocket/stats': { status: 403 } });
    expect(await detectRole('http://s', 't', kitchen)).toEqual({ ok: false, reason: 'not-dashboard' });
    expect(await detectRole('http://s', 't', server({ '/api/admin/tenants': { status: 401 } }))).toEqual({ ok: false, reason: 'refused' });
  });

  it('a network failure or a server error is not mistaken for a bad token', async () => {
    expect(await detectRole('http://s', 't', server({}))).toEqual({ ok: false, reason: 'unreachable' });
    expect(await detectRole('http://s', 't', server({ '/api/admin/tenants': { status: 500 } }))).toEqual({ ok: false, reason: 'server-error' });
  });
});
