import type { WebSocket } from 'ws';
import type { Principal } from '../auth/principal.ts';
import { channels } from './notify.ts';
import type { SyncEngine } from './sync-engine.ts';
import type { PokeMessage } from './tenant-write.ts';

/*
 * This process's sockets: who is connected (by tenant, with the counters monitoring reports), and
 * what they are sent — a poke for every committed write of their tenant, and broadcasts.
 */

export interface Connection {
  readonly id: number;
  readonly socket: WebSocket;
  readonly principal: Principal & { tenantId: string };
  readonly connectedAt: number;
  alive: boolean;
}

/** Authenticated sockets by tenant, with the counters the monitoring API reports. */
export class SocketRegistry {
  private readonly byTenant = new Map<string, Set<Connection>>();
  private nextId = 1;
  readonly counters = { messagesIn: 0, messagesOut: 0, pokes: 0, broadcasts: 0 };

  add(socket: WebSocket, principal: Principal & { tenantId: string }): Connection {
    const conn: Connection = { id: this.nextId++, socket, principal, connectedAt: Date.now(), alive: true };
    const set = this.byTenant.get(principal.tenantId) ?? new Set();
    set.add(conn);
    this.byTenant.set(principal.tenantId, set);
    return conn;
  }

  remove(conn: Connection): void {
    const set = this.byTenant.get(conn.principal.tenantId);
    set?.delete(conn);
    if (set?.size === 0) this.byTenant.delete(conn.principal.tenantId);
  }

  ofTenant(tenantId: string): ReadonlySet<Connection> {
    return this.byTenant.get(tenantId) ?? new Set();
  }

  all(): Connection[] {
    return [...this.byTenant.values()].flatMap((s) => [...s]);
  }

  tenantCounts(): Record<string, number> {
    return Object.fromEntries([...this.byTenant].map(([tenant, set]) => [tenant, set.size]));
  }

  send(conn: Connection, message: string): void {
    if (conn.socket.readyState !== conn.socket.OPEN) return;
    conn.socket.send(message);
    this.counters.messagesOut += 1;
  }

  /** Closes every socket of a revoked token. */
  closeToken(tokenId: string, code: number, reason: string): number {
    const victims = this.all().filter((c) => c.principal.tokenId === tokenId);
    for (const c of victims) c.socket.close(code, reason);
    return victims.length;
  }
}

const pokeMessage = JSON.stringify({ type: 'poke' });

interface Pending {
  all: boolean;
  orderIds: Set<string>;
}

/** A customer hears only about its own order; staff hear about every change of their tenant. */
function wants(conn: Connection, pending: Pending): boolean {
  const orderId = conn.principal.orderId;
  return conn.principal.role !== 'customer' || pending.all || (orderId !== undefined && pending.orderIds.has(orderId));
}

/**
 * Turns committed writes into pokes: this process's own as their commit returns, other processes'
 * as their NOTIFY is read from the LISTEN connection. A poke leaves at once, without a timer:
 * notifications that arrive together coalesce into one poke per socket.
 */
export class PokeHub {
  private readonly pending = new Map<string, Pending>();
  private readonly unsubscribe: (() => Promise<void>)[] = [];

  constructor(private readonly registry: SocketRegistry) {}

  async start(engine: SyncEngine, handlers: { onRevoke: (tokenId: string) => void }): Promise<void> {
    const { db } = engine;
    const offLocal = engine.onCommitted(({ poke }) => poke && this.onPoke(poke));
    this.unsubscribe.push(async () => void offLocal());
    this.unsubscribe.push(
      await db.listen(channels.poke, (payload) => {
        const message = JSON.parse(payload) as PokeMessage;
        if (message.s !== engine.origin) this.onPoke(message);
      }),
    );
    this.unsubscribe.push(
      await db.listen(channels.broadcast, (payload) => {
        const { t, message } = JSON.parse(payload) as { t: string; message: unknown };
        this.broadcast(t, message);
      }),
    );
    this.unsubscribe.push(await db.listen(channels.revoke, (payload) => handlers.onRevoke(JSON.parse(payload) as string)));
    // Pokes sent while the listener was away are lost: every socket pulls once to catch up.
    const offReconnect = engine.onReconnect(() => this.pokeEveryone());
    this.unsubscribe.push(async () => void offReconnect());
  }

  private pokeEveryone(): void {
    for (const conn of this.registry.all()) {
      this.registry.send(conn, pokeMessage);
      this.registry.counters.pokes += 1;
    }
  }

  async stop(): Promise<void> {
    await Promise.all(this.unsubscribe.map((u) => u()));
  }

  private onPoke(message: PokeMessage): void {
    let pending = this.pending.get(message.t);
    if (!pending) {
      pending = { all: false, orderIds: new Set() };
      this.pending.set(message.t, pending);
      queueMicrotask(() => this.flush(message.t));
    }
    if (!message.o) pending.all = true;
    for (const id of message.o ?? []) pending.orderIds.add(id);
  }

  private flush(tenantId: string): void {
    const pending = this.pending.get(tenantId);
    this.pending.delete(tenantId);
    if (!pending) return;
    for (const conn of this.registry.ofTenant(tenantId)) {
      if (!wants(conn, pending)) continue;
      this.registry.send(conn, pokeMessage);
      this.registry.counters.pokes += 1;
    }
  }

  private broadcast(tenantId: string, message: unknown): void {
    const text = JSON.stringify({ type: 'broadcast', message });
    for (const conn of this.registry.ofTenant(tenantId)) {
      if (conn.principal.role === 'customer') continue;
      this.registry.send(conn, text);
    }
    this.registry.counters.broadcasts += 1;
  }
}
