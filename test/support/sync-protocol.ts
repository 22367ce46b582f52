import { api, type ApiResponse } from './server.ts';

/** Raw Replicache 15 protocol bodies, for tests that must control every byte of a request. */
export interface RawMutation {
  id: number;
  clientID: string;
  name: string;
  args: unknown;
  timestamp: number;
}

let sequence = 0;
/** A client group or client id nobody else uses. */
export const uniqueId = (prefix: string) => `${prefix}-${process.pid}-${++sequence}-${Math.random().toString(36).slice(2, 8)}`;

export const mutation = (clientID: string, id: number, name: string, args: unknown): RawMutation => ({
  id,
  clientID,
  name,
  args,
  timestamp: id,
});

export const pushBody = (clientGroupID: string, mutations: readonly unknown[], overrides: Record<string, unknown> = {}) => ({
  pushVersion: 1,
  clientGroupID,
  profileID: 'test-profile',
  schemaVersion: '1',
  mutations,
  ...overrides,
});

export const pullBody = (clientGroupID: string, cookie: { order: number; cvrID: string } | null, overrides: Record<string, unknown> = {}) => ({
  pullVersion: 1,
  clientGroupID,
  profileID: 'test-profile',
  schemaVersion: '1',
  cookie,
  ...overrides,
});

export type PatchOp = { op: 'clear' } | { op: 'del'; key: string } | { op: 'put'; key: string; value: any };
export interface PullOk {
  cookie: { order: number; cvrID: string };
  lastMutationIDChanges: Record<string, number>;
  patch: PatchOp[];
}

export const push = (server: { url: string }, token: string | undefined, body: unknown): Promise<ApiResponse> =>
  api(server, token, 'POST', '/api/replicache/push', body);

export const pull = (server: { url: string }, token: string | undefined, body: unknown): Promise<ApiResponse<PullOk & { error?: string }>> =>
  api(server, token, 'POST', '/api/replicache/pull', body);

/** Keys put by a pull, by kind prefix. */
export const putKeys = (patch: readonly PatchOp[]) => patch.flatMap((op) => (op.op === 'put' ? [op.key] : []));

/** A product's upsert args; each id a distinct product so double application is visible in events. */
export const productArgs = (id: string, priceCents = 500) => ({
  id,
  name: `Dish ${id}`,
  priceCents,
  stationType: 'grill' as const,
  prepSeconds: 60,
});
