import { Replicache, type LogSink } from 'replicache';
import WebSocket from 'ws';
import { mutators, type KitchenOrder, type Order } from '@kitchensync/shared';

import type { KitchenReplicache } from '../../sync-client/src/index.ts';

/** A test's own client, or the one the apps build (sync-client): the helpers take either. */
export type Client = Replicache<typeof mutators> | KitchenReplicache;

let counter = 0;

/**
 * Replicache logs every failed request at error level; offline and fault tests fail requests on
 * purpose, so client logs go nowhere unless REPLICACHE_LOGS is set.
 */
const quietSink: LogSink = { log: () => undefined };
const logOptions = process.env.REPLICACHE_LOGS ? {} : { logSinks: [quietSink] };

export interface ClientOptions {
  name?: string;
  schemaVersion?: string;
  /** Another build's mutators (an older release's: test/support/previous-release.ts). */
  mutators?: typeof mutators;
}

/** A real Replicache client in Node: in-memory store, no polling, absolute URLs. */
export function newClient(server: { url: string }, token: string, options: ClientOptions = {}): Client {
  counter += 1;
  return new Replicache({
    ...logOptions,
    name: options.name ?? `test-${process.pid}-${counter}-${Math.random().toString(36).slice(2)}`,
    kvStore: 'mem',
    mutators: options.mutators ?? mutators,
    pushURL: `${server.url}/api/replicache/push`,
    pullURL: `${server.url}/api/replicache/pull`,
    auth: `Bearer ${token}`,
    schemaVersion: options.schemaVersion ?? '1',
    pullInterval: null,
    pushDelay: 0,
  });
}

export interface PokeSocket {
  readonly pokes: number;
  readonly ready: Promise<void>;
  /** Resolves with the close code once the server (or the test) closes the socket. */
  readonly closed: Promise<number>;
  close(): void;
}

/** Opens `/api/ws` and sends `hello` (any text: tests send bad ones too). */
export function openSocket(server: { url: string }, hello: string, onMessage: (msg: { type: string }) => void = () => undefined) {
  const ws = new WebSocket(`${server.url.replace('http', 'ws')}/api/ws`);
  ws.on('open', () => ws.send(hello));
  ws.on('message', (data) => onMessage(JSON.parse(data.toString()) as { type: string }));
  const closed = new Promise<number>((resolve) => ws.on('close', (code) => resolve(code)));
  ws.on('error', () => undefined);
  return { ws, closed };
}

/** The WebSocket side of a client: hello, then pull on every poke (as the apps do). */
export function listenForPokes(server: { url: string }, token: string, onPoke: () => void): PokeSocket {
  let pokes = 0;
  let markReady = () => {};
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  const { ws, closed } = openSocket(server, JSON.stringify({ type: 'hello', token }), (msg) => {
    if (msg.type === 'ready') markReady();
    if (msg.type === 'poke') {
      pokes += 1;
      onPoke();
    }
  });
  const settled = Promise.race([ready, closed.then((code) => Promise.reject(new Error(`socket closed ${code}`)))]);
  settled.catch(() => undefined);
  return {
    get pokes() {
      return pokes;
    },
    ready: settled,
    closed,
    close: () => ws.close(),
  };
}

/** A client wired to pokes: what a kitchen terminal or dashboard is, minus the UI. */
export async function connectedClient(server: { url: string }, token: string) {
  const rep = newClient(server, token);
  // A pull still waiting when the client closes rejects with "Closed": that is not a failure.
  const socket = listenForPokes(server, token, () => void rep.pull().catch(() => undefined));
  await socket.ready;
  await rep.pull();
  return {
    rep,
    socket,
    async close() {
      socket.close();
      await rep.close();
    },
  };
}

/** Resolves when `predicate` holds for the replica, or rejects after `timeoutMs`. */
export function waitFor<T>(rep: Client, read: Parameters<Client['subscribe']>[0], predicate: (v: T) => boolean, timeoutMs = 5000): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      unsubscribe();
      reject(new Error('timed out waiting for the replica'));
    }, timeoutMs);
    const unsubscribe = rep.subscribe(read, (value) => {
      if (predicate(value as T)) {
        clearTimeout(timer);
        unsubscribe();
        resolve(value as T);
      }
    });
  });
}

export const readOrder = (rep: Client, id: string) => rep.query(async (tx) => (await tx.get(`order/${id}`)) as Order | undefined);
export const readTickets = (rep: Client) =>
  rep.query(async (tx) => (await tx.scan({ prefix: 'kitchenOrder/' }).values().toArray()) as KitchenOrder[]);

/** Every key and value of a replica, rejections included. */
export async function snapshot(rep: Client): Promise<Record<string, unknown>> {
  return rep.query(async (tx) => Object.fromEntries(await tx.scan().entries().toArray()));
}

/** The replica without rejection entries: what should equal another principal's view of the server. */
export async function dataSnapshot(rep: Client): Promise<Record<string, unknown>> {
  return Object.fromEntries(Object.entries(await snapshot(rep)).filter(([key]) => !key.startsWith('rejection/')));
}

export const pendingCount = async (rep: Client) => (await rep.experimentalPendingMutations()).length;

/** Pushes and pulls until the server has acknowledged every local mutation. */
export async function settle(rep: Client, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    await rep.push({ now: true });
    await rep.pull({ now: true });
    if ((await pendingCount(rep)) === 0) return;
    if (Date.now() > deadline) throw new Error(`still ${await pendingCount(rep)} pending mutations`);
  }
}

/** What the server holds for this token: a brand-new client's replica after one pull. */
export async function serverView(server: { url: string }, token: string): Promise<Record<string, unknown>> {
  const rep = newClient(server, token);
  try {
    await rep.pull({ now: true });
    return await dataSnapshot(rep);
  } finally {
    await rep.close();
  }
}
