import type { Logger } from 'pino';
import type { Queryable } from '../db/database.ts';
import type { AgentWriter } from './agent-writers.ts';

interface StationWatch {
  tenant_id: string;
  station_id: string;
  /** Set while the station is in backup mode. */
  down_since: string | null;
  /** The shortest wait of its active backup printers; null when it has none (any more). */
  after_s: number | null;
  /** Since its screens were last heard, by the database's clock; null when never. */
  gone_ms: string | null;
  seen_ms: string | null;
}

/**
 * Stations with a backup printer (or still in backup mode), with how long their screens have been
 * gone. Ages come from the database's clock, which also stamped the screens' presence (written by
 * whichever process holds their sockets), so the processes' clocks never meet.
 */
const watchSql = `
WITH backups AS (
  SELECT p.tenant_id, a->>'stationId' AS station_id, min(coalesce((a->>'backupAfterSeconds')::int, 60)) AS after_s
  FROM printers p CROSS JOIN LATERAL jsonb_array_elements(p.data->'assignments') a
  WHERE (p.data->>'active')::boolean AND a->>'role' = 'backup'
  GROUP BY 1, 2
)
SELECT s.tenant_id, s.id AS station_id, s.data->>'screensDownSince' AS down_since, b.after_s,
       (extract(epoch FROM now() - w.seen_at) * 1000)::bigint::text AS gone_ms,
       (extract(epoch FROM w.seen_at) * 1000)::bigint::text AS seen_ms
FROM stations s
LEFT JOIN backups b ON b.tenant_id = s.tenant_id AND b.station_id = s.id
LEFT JOIN station_screens w ON w.tenant_id = s.tenant_id AND w.station_id = s.id
WHERE b.station_id IS NOT NULL OR s.data ? 'screensDownSince'`;

/**
 * The print agent's eye on the stations' screens: a station whose screens have all been silent
 * longer than its backup printer waits goes into backup mode (`stationScreensDown`); one heard
 * again, or left without a backup printer, comes out (`stationScreensBack`). Never heard counts
 * as gone: a station printing when unsure is the failure the kitchen can see.
 */
export class BackupWatch {
  private lastAt = 0;

  constructor(
    private readonly db: Queryable,
    private readonly write: AgentWriter,
    private readonly logger: Logger,
  ) {}

  /**
   * Looks at most every `minGapMs`: the agent's rounds follow every commit, and a wait measured in
   * seconds (`backupAfterSeconds` ≥ 5) needs no look per ticket fired.
   */
  async check(minGapMs = 500): Promise<void> {
    if (Date.now() - this.lastAt < minGapMs) return;
    this.lastAt = Date.now();
    const { rows } = await this.db.query<StationWatch>(watchSql);
    for (const row of rows) {
      const gone = row.gone_ms === null || (row.after_s !== null && Number(row.gone_ms) > row.after_s * 1000);
      const now = Date.now();
      if (row.after_s !== null && gone && row.down_since === null) {
        const since = row.seen_ms === null ? now : Number(row.seen_ms);
        this.logger.info({ tenantId: row.tenant_id, stationId: row.station_id, since }, 'station screens gone: backup printing');
        await this.write(row.tenant_id, 'stationScreensDown', { stationId: row.station_id, since, at: now });
      } else if (row.down_since !== null && (!gone || row.after_s === null)) {
        this.logger.info({ tenantId: row.tenant_id, stationId: row.station_id }, 'station screen back: backup printing stops');
        await this.write(row.tenant_id, 'stationScreensBack', { stationId: row.station_id, at: now });
      }
    }
  }
}
