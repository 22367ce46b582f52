-- Backup mode for a dead screen (issue 22 point 6): per station, the last moment one of its kitchen
-- screens was heard on its poke socket, written by whichever process holds the socket, so a print
-- agent in another process on the same database sees it. Not synced: only the agent reads it.
CREATE TABLE IF NOT EXISTS station_screens (
  tenant_id text NOT NULL,
  station_id text NOT NULL,
  seen_at timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, station_id)
);
