import { expect } from 'vitest';
import { demoProducts, demoStations } from '@kitchensync/shared';
import { api, type ApiResponse, type TestServer } from '../../support/server.ts';

/** A request that must answer `status`; returns the body. */
export async function ok<T = any>(server: TestServer, token: string, method: string, path: string, body?: unknown, status = 200): Promise<T> {
  const res = await api<T>(server, token, method, path, body);
  expect(res.status, `${method} ${path}: ${JSON.stringify(res.body)}`).toBe(status);
  return res.body;
}

/** The shared test menu and kitchen, created over REST. */
export async function seedMenu(server: TestServer, managerToken: string): Promise<void> {
  for (const p of demoProducts) await ok(server, managerToken, 'POST', '/api/products', p, 201);
  for (const s of demoStations) await ok(server, managerToken, 'POST', '/api/kitchen/stations', s, 201);
}

export function errorCode(res: ApiResponse): string | undefined {
  return (res.body as { error?: { code?: string } } | undefined)?.error?.code;
}
