import type { WebSocket } from 'ws';
import type { Principal } from '../auth/principal.ts';

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
