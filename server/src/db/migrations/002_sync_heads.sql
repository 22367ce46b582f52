-- Pull cost by change, not by view size (issue 11).
--
-- Each tenant has a head: the highest row version any write of its synced data (rows, rejections,
-- deletions, clients' last mutation ids) has taken. Triggers move it in the writing transaction,
-- whichever code path wrote, so a pull compares one number with the head its client view record
-- was read at: equal, nothing changed. Otherwise the rows changed since are found by version.
CREATE TABLE IF NOT EXISTS sync_heads (
  tenant_id text PRIMARY KEY,
  version bigint NOT NULL
);
INSERT INTO sync_heads (tenant_id, version) SELECT id, nextval('row_version') FROM tenants ON CONFLICT DO NOTHING;

-- What was deleted, and at which version, so a pull can tell its client (rejections: only the
-- group that saw them). Kept as long as a client view record may be used (see sync/gc.ts).
CREATE TABLE IF NOT EXISTS deleted_rows (
  tenant_id text NOT NULL,
  client_group_id text,
  key text NOT NULL,
  version bigint NOT NULL,
  deleted_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX IF NOT EXISTS deleted_rows_since ON deleted_rows (tenant_id, version);
CREATE INDEX IF NOT EXISTS deleted_rows_at ON deleted_rows (deleted_at);

CREATE OR REPLACE FUNCTION ks_move_head() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO sync_heads (tenant_id, version)
    SELECT t.tenant_id, nextval('row_version') FROM (SELECT DISTINCT tenant_id FROM changed) t
    ON CONFLICT (tenant_id) DO UPDATE SET version = EXCLUDED.version;
  RETURN NULL;
END $$;

-- replicache_clients knows its tenant through its group.
CREATE OR REPLACE FUNCTION ks_move_head_of_groups() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO sync_heads (tenant_id, version)
    SELECT t.tenant_id, nextval('row_version')
    FROM (SELECT DISTINCT g.tenant_id FROM changed c JOIN replicache_client_groups g ON g.id = c.client_group_id) t
    ON CONFLICT (tenant_id) DO UPDATE SET version = EXCLUDED.version;
  RETURN NULL;
END $$;

-- TG_ARGV[0]: the replica key prefix of the table's rows; rejections carry their whole key.
CREATE OR REPLACE FUNCTION ks_tombstone() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_TABLE_NAME = 'rejections' THEN
    INSERT INTO deleted_rows (tenant_id, client_group_id, key, version)
      SELECT tenant_id, client_group_id, key, nextval('row_version') FROM changed;
  ELSE
    INSERT INTO deleted_rows (tenant_id, key, version)
      SELECT tenant_id, TG_ARGV[0] || id, nextval('row_version') FROM changed;
  END IF;
  INSERT INTO sync_heads (tenant_id, version)
    SELECT t.tenant_id, nextval('row_version') FROM (SELECT DISTINCT tenant_id FROM changed) t
    ON CONFLICT (tenant_id) DO UPDATE SET version = EXCLUDED.version;
  RETURN NULL;
END $$;

DO $$
DECLARE
  t record;
BEGIN
  FOR t IN SELECT * FROM (VALUES ('products', 'product/'), ('customers', 'customer/'), ('stations', 'station/'),
      ('orders', 'order/'), ('contracts', 'contract/'), ('kitchen_orders', 'kitchenOrder/'), ('rejections', '')) AS x(tab, prefix) LOOP
    EXECUTE format('CREATE OR REPLACE TRIGGER %1$s_inserted AFTER INSERT ON %1$s REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION ks_move_head()', t.tab);
    EXECUTE format('CREATE OR REPLACE TRIGGER %1$s_updated AFTER UPDATE ON %1$s REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION ks_move_head()', t.tab);
    EXECUTE format('CREATE OR REPLACE TRIGGER %1$s_deleted AFTER DELETE ON %1$s REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION ks_tombstone(%2$L)', t.tab, t.prefix);
    IF t.tab <> 'rejections' THEN
      EXECUTE format('CREATE INDEX IF NOT EXISTS %1$s_version ON %1$s (tenant_id, version)', t.tab);
    END IF;
  END LOOP;
END $$;
CREATE INDEX IF NOT EXISTS rejections_version ON rejections (client_group_id, version);
CREATE INDEX IF NOT EXISTS kitchen_orders_updated ON kitchen_orders (tenant_id, updated_at);

CREATE OR REPLACE TRIGGER replicache_clients_inserted AFTER INSERT ON replicache_clients
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION ks_move_head_of_groups();
CREATE OR REPLACE TRIGGER replicache_clients_updated AFTER UPDATE ON replicache_clients
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION ks_move_head_of_groups();

-- A client view record is now the head it was read at (plus the group's last mutation ids), not
-- every key of the view: old records cannot be read as new ones, so their clients resync once.
DROP TABLE IF EXISTS client_view_records;
CREATE TABLE client_view_records (
  id text PRIMARY KEY,
  client_group_id text NOT NULL REFERENCES replicache_client_groups(id) ON DELETE CASCADE,
  cvr_order int NOT NULL,
  head bigint NOT NULL,
  made_at timestamptz NOT NULL,
  clients text NOT NULL
);
CREATE INDEX IF NOT EXISTS cvr_group ON client_view_records (client_group_id, cvr_order);
