-- Restores (issue 23, point 6): every pull's cookie names the database's epoch. Restoring a
-- backup starts a new epoch (scripts/backup.sh restore), so a cookie of an older epoch whose view
-- record the database no longer has was given out after the restore point: that client saw a
-- future the database lost, and is told ClientStateNotFound (server/src/sync/restore-epochs.ts).
CREATE TABLE IF NOT EXISTS sync_epochs (
  seq integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  epoch text NOT NULL UNIQUE,
  started_at timestamptz NOT NULL DEFAULT now()
);
INSERT INTO sync_epochs (epoch) SELECT gen_random_uuid()::text WHERE NOT EXISTS (SELECT 1 FROM sync_epochs);
