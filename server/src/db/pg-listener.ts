import pg from 'pg';
import { clientConfig, type HostSelector } from './host-selector.ts';

type Handler = (payload: string) => void;

const firstRetryMs = 50;
const maxRetryMs = 2000;

/**
 * The one dedicated LISTEN connection of a process, on the host the selector picks (LISTEN needs
 * the primary). Postgres may drop it (restart, failover, an idle-connection reaper) or be away
 * when it starts; it then connects again with backoff, LISTENs again, and tells `onGap`
 * subscribers, since notifications sent while it was away are gone for good.
 */
export class PgListener {
  private client: pg.Client | undefined;
  private connecting: Promise<void> | undefined;
  private readonly handlers = new Map<string, Set<Handler>>();
  private readonly gapHandlers = new Set<() => void>();
  private readonly lostHandlers = new Set<() => void>();
  private retry: NodeJS.Timeout | undefined;
  private closed = false;

  constructor(private readonly selector: HostSelector) {}

  async listen(channel: string, onPayload: Handler): Promise<() => Promise<void>> {
    const isNew = !this.handlers.has(channel);
    const set = this.handlers.get(channel) ?? new Set();
    set.add(onPayload);
    this.handlers.set(channel, set);
    try {
      const client = await this.connected();
      if (isNew) await client.query(`LISTEN ${channel}`);
    } catch {
      // Database away: the reconnection LISTENs on every channel registered by then.
      this.reconnect(0);
    }
    return async () => void set.delete(onPayload);
  }

  onGap(handler: () => void): void {
    this.gapHandlers.add(handler);
  }

  /** Called when the connection drops (the database restarting, failing over, or being restored), before `onGap`. */
  onLost(handler: () => void): void {
    this.lostHandlers.add(handler);
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.retry);
    await this.client?.end().catch(() => undefined);
  }

  private async connected(): Promise<pg.Client> {
    if (!this.client) {
      this.connecting ??= this.connect().finally(() => (this.connecting = undefined));
      await this.connecting;
    }
    return this.client as pg.Client;
  }

  private async connect(): Promise<void> {
    const host = await this.selector.host();
    const client = new pg.Client(clientConfig(host));
    client.on('notification', (msg) => this.handlers.get(msg.channel)?.forEach((h) => h(msg.payload ?? '')));
    client.on('error', () => undefined);
    client.on('end', () => this.lost(client));
    try {
      await client.connect();
      for (const channel of this.handlers.keys()) await client.query(`LISTEN ${channel}`);
    } catch (err) {
      this.selector.lost(host);
      await client.end().catch(() => undefined);
      throw err;
    }
    this.client = client;
  }

  private lost(client: pg.Client): void {
    if (client !== this.client || this.closed) return;
    this.client = undefined;
    this.lostHandlers.forEach((h) => h());
    this.reconnect(0);
  }

  private reconnect(attempt: number): void {
    if (this.closed || (attempt === 0 && this.retry)) return;
    this.retry = setTimeout(() => {
      this.retry = undefined;
      this.connected().then(
        () => this.gapHandlers.forEach((h) => h()),
        () => this.reconnect(attempt + 1),
      );
    }, Math.min(maxRetryMs, firstRetryMs * 2 ** attempt));
    this.retry.unref();
  }
}
