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

-- Whichever code moves a head (the triggers of migration 002), the row names the transaction.
CREATE OR REPLACE FUNCTION ks_stamp_mover() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.moved_by := pg_current_xact_id();
  RETURN NEW;
END $$;
CREATE OR REPLACE TRIGGER sync_heads_moved BEFORE INSERT OR UPDATE ON sync_heads
  FOR EACH ROW EXECUTE FUNCTION ks_stamp_mover();

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
