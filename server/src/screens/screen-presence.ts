import { idSchema, screenPresenceIntervalMs } from '@kitchensync/shared';
import type { Logger } from 'pino';
import { z } from 'zod';
import type { Metrics } from '../api/metrics.ts';
import type { Database } from '../db/database.ts';
import type { Connection } from '../sync/sockets.ts';

/** A kitchen screen's word on its poke socket: the stations it shows, repeated while it runs. */
const screenMessageSchema = z.object({ type: z.literal('screen'), stations: z.array(idSchema).max(50) });

/** Roles whose sockets are station screens (a customer's tracker or a hub is none). */
const screenRoles = new Set(['kitchen', 'manager']);

/**
 * Per station, the last moment one of its screens was heard (table station_screens), written from
 * this process's sockets. "Heard" is a message, not an open socket: a screen that was killed, or
 * whose link was cut without a close, stops talking and its stations go stale by themselves, with
 * no wait for the socket's heartbeat. Writes are batched: once a flush, one row per station.
 * Only the tenant's own stations are written: a name it does not have (unknown, or another
 * tenant's) is not a screen of that tenant's, and is dropped.
 */
export class ScreenPresence {
  /** Per socket: the stations it last named, when it last spoke, and what of that is written. */
  private readonly screens = new Map<Connection, { stations: readonly string[]; at: number; written: number }>();
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly db: Database,
    private readonly logger: Logger,
    private readonly metrics: Pick<Metrics, 'presenceWriteFailures'>,
    private readonly flushMs = screenPresenceIntervalMs / 2,
  ) {}

  start(): void {
    this.timer = setInterval(() => void this.flush(), this.flushMs);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
  }

  /** A socket's message; a screen's first word is written at once, so its station leaves backup mode promptly. */
  onMessage(conn: Connection, frame: unknown): void {
    if (!screenRoles.has(conn.principal.role)) return;
    const parsed = screenMessageSchema.safeParse(frame);
    if (!parsed.success) return;
    const known = this.screens.get(conn);
    this.screens.set(conn, { stations: parsed.data.stations, at: Date.now(), written: known?.written ?? 0 });
    if (!known) void this.flush();
  }

  /** Writes what was heard since the last flush, each row aged by how long ago it was heard (the database's clock decides). */
  async flush(): Promise<void> {
    const rows = new Map<string, { tenantId: string; stationId: string; at: number }>();
    for (const [conn, screen] of this.screens) {
      if (screen.at > screen.written) {
        for (const stationId of screen.stations) {
          const key = JSON.stringify([conn.principal.tenantId, stationId]);
          if ((rows.get(key)?.at ?? 0) < screen.at) rows.set(key, { tenantId: conn.principal.tenantId, stationId, at: screen.at });
        }
        screen.written = screen.at;
      }
      // A closed socket says nothing more; what it said last stays written and ages.
      if (conn.socket.readyState !== conn.socket.OPEN) this.screens.delete(conn);
    }
    if (rows.size === 0) return;
    const now = Date.now();
    const list = [...rows.values()];
    await this.db
      .query(
        `INSERT INTO station_screens (tenant_id, station_id, seen_at)
         SELECT t, s, now() - make_interval(secs => age / 1000.0) FROM unnest($1::text[], $2::text[], $3::float8[]) AS x(t, s, age)
         WHERE EXISTS (SELECT 1 FROM stations WHERE tenant_id = t AND id = s)
         ON CONFLICT (tenant_id, station_id) DO UPDATE SET seen_at = greatest(station_screens.seen_at, excluded.seen_at)`,
        [list.map((r) => r.tenantId), list.map((r) => r.stationId), list.map((r) => now - r.at)],
      )
      .catch((err: unknown) => {
        // Not retried: the next flush writes what is heard by then. Counted in /api/metrics so a database that keeps refusing shows.
        this.metrics.presenceWriteFailures += 1;
        this.logger.warn({ err }, 'screen presence not written');
      });
  }
}
