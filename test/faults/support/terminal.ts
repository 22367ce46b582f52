import WebSocket from 'ws';
import { createSyncClient, type SocketLike, type SyncClient } from '../../../sync-client/src/index.ts';
import type { JournalStorage } from '../../../sync-client/src/mutation-journal.ts';

/**
 * A kitchen terminal as the apps run one (`createSyncClient`: replica, poke socket, resets), in
 * Node: its storage outlives the client, and a reset (ClientStateNotFound) creates the client
 * again, as the page's reload does.
 */
export interface Terminal {
  readonly name: string;
  readonly client: SyncClient;
  readonly resets: number;
  close(): Promise<void>;
}

/** `hubUrl`: the terminal prefers its hub and falls back to `serverUrl` (the cloud) when the hub does not answer. */
export function startTerminal(name: string, serverUrl: string, token: string, paths: { hubUrl?: string; pathProbeMs?: number } = {}): Terminal {
  const saved = new Map<string, string>();
  const storage: JournalStorage = { getItem: (k) => saved.get(k) ?? null, setItem: (k, v) => void saved.set(k, v) };
  let resets = 0;
  const open = (): SyncClient =>
    createSyncClient({
      serverUrl,
      ...paths,
      token,
      name,
      kvStore: 'mem',
      pullIntervalMs: 2000,
      storage,
      onReset: () => {
        resets += 1;
        const old = terminal.client;
        terminal.client = open();
        void old.close();
      },
      createSocket: (url) => {
        const ws = new WebSocket(url);
        ws.on('error', () => undefined);
        return ws as unknown as SocketLike;
      },
    });
  const terminal = {
    name,
    client: open(),
    get resets() {
      return resets;
    },
    close: () => terminal.client.close(),
  };
  return terminal;
}

/** The ids of the orders a terminal's replica holds. */
export const replicaOrders = (t: Terminal) => t.client.rep.query(async (tx) => (await tx.scan({ prefix: 'order/' }).keys().toArray()).map((k) => k.slice('order/'.length)));
