-- A push in one round trip (issue 11).
--
-- A server process keeps what it read and wrote of a tenant's synced state after its own commit
-- (sync/tenant-snapshot.ts) and may run the tenant's next pushes against that copy, sending the
-- lock, a check and the write in one round trip. The check is that the transaction that last
-- moved the tenant's head is still the one the copy was taken after: every transaction that
-- changes what a push reads (rows, rejections, clients, client groups) holds the tenant's lock
-- and moves its head, and the head now records which transaction moved it (transaction ids are
-- never reused), so nothing can have changed while `moved_by` is unchanged.
ALTER TABLE sync_heads ADD COLUMN IF NOT EXISTS moved_by xid8;

-- Heads move in one place, which names the moving transaction; the triggers of migration 002
-- call it (a row trigger on sync_heads would do the same at a third more per write on PGlite).
CREATE OR REPLACE FUNCTION ks_move_heads(tenants text[]) RETURNS void LANGUAGE sql AS $$
  INSERT INTO sync_heads (tenant_id, version, moved_by)
    SELECT t, nextval('row_version'), pg_current_xact_id() FROM unnest(tenants) t
    ON CONFLICT (tenant_id) DO UPDATE SET version = EXCLUDED.version, moved_by = EXCLUDED.moved_by
$$;

CREATE OR REPLACE FUNCTION ks_move_head() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM ks_move_heads(ARRAY(SELECT DISTINCT tenant_id FROM changed));
  RETURN NULL;
END $$;

-- replicache_clients knows its tenant through its group.
CREATE OR REPLACE FUNCTION ks_move_head_of_groups() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM ks_move_heads(ARRAY(SELECT DISTINCT g.tenant_id FROM changed c JOIN replicache_client_groups g ON g.id = c.client_group_id));
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
  PERFORM ks_move_heads(ARRAY(SELECT DISTINCT tenant_id FROM changed));
  RETURN NULL;
END $$;

-- A purged client group (garbage collection) takes its clients with it: that moves the head too.
CREATE OR REPLACE TRIGGER replicache_client_groups_deleted AFTER DELETE ON replicache_client_groups
  REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION ks_move_head();

-- Refuses (SQLSTATE KSH01) unless transaction `mover` last moved the tenant's head.
CREATE OR REPLACE FUNCTION ks_expect_head(tenant text, mover text) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF (SELECT moved_by::text FROM sync_heads WHERE tenant_id = tenant) IS DISTINCT FROM mover THEN
    RAISE EXCEPTION 'the tenant''s head moved' USING ERRCODE = 'KSH01';
  END IF;
END $$;

-- Refuses (SQLSTATE KSH01) if any of the rows a write took to be absent exists (`existing` > 0).
CREATE OR REPLACE FUNCTION ks_expect_none(existing bigint) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF existing > 0 THEN
    RAISE EXCEPTION 'a row taken to be absent exists' USING ERRCODE = 'KSH01';
  END IF;
END $$;
