import { pino } from 'pino';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { newMetrics, prometheusText } from '../api/metrics.ts';
import type { Database } from '../db/database.ts';
import { migratedMemoryDatabase } from '../db/memory-database.ts';
import { SocketRegistry, type Connection } from '../sync/sockets.ts';
import { ScreenPresence } from './screen-presence.ts';

/** A kitchen screen's socket as the registry hands it over: open, of tenant `tenantId`. */
const screen = (id: number, tenantId: string) =>
  ({ id, socket: { readyState: 1, OPEN: 1 }, principal: { tokenId: `tok-${id}`, role: 'kitchen', tenantId }, connectedAt: Date.now(), alive: true }) as unknown as Connection;

const written = async (db: Database) =>
  (await db.query<{ tenant_id: string; station_id: string }>('SELECT tenant_id, station_id FROM station_screens ORDER BY 1, 2')).rows.map((r) => [r.tenant_id, r.station_id]);

describe('ScreenPresence', () => {
  let db: Database;
  beforeEach(async () => {
    db = await migratedMemoryDatabase({ id: 't1', name: 'One' });
    await db.query(`INSERT INTO tenants (id, name) VALUES ('t2', 'Two')`);
    await db.query(`INSERT INTO stations (tenant_id, id, data) VALUES ('t1', 'grill', '{}'), ('t2', 'fry', '{}')`);
  });
  afterEach(() => db.close());

  it("writes the tenant's own stations only: an unknown one and another tenant's are dropped", async () => {
    const presence = new ScreenPresence(db, pino({ level: 'silent' }), newMetrics());
    // A screen's first word is written at once (its own flush).
    presence.onMessage(screen(1, 't1'), { type: 'screen', stations: ['grill', 'fry', 'nowhere'] });
    await vi.waitFor(async () => expect(await written(db)).toEqual([['t1', 'grill']]));
  });

  it('counts a flush the database refuses, and /api/metrics reports it', async () => {
    const metrics = newMetrics();
    const presence = new ScreenPresence(db, pino({ level: 'silent' }), metrics);
    await db.query('DROP TABLE station_screens');
    const conn = screen(1, 't1');
    presence.onMessage(conn, { type: 'screen', stations: ['grill'] });
    await vi.waitFor(() => expect(metrics.presenceWriteFailures).toBe(1));
    // Heard again later: the next flush tries again, and is counted again.
    await new Promise((resolve) => setTimeout(resolve, 5));
    presence.onMessage(conn, { type: 'screen', stations: ['grill'] });
    await presence.flush();
    expect(metrics.presenceWriteFailures).toBe(2);
    const text = prometheusText(metrics, new SocketRegistry(), { writes: 0, transactions: 0 });
    expect(text).toContain('kitchensync_screen_presence_write_failures_total 2');
  });
});
