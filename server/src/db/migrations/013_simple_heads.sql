-- The sync core made simple again (issue 21).
--
-- Pushes no longer run against a copy of the tenant kept in the process, and pulls no longer answer
-- from the process's own commits: every push reads the tenant under its lock and every pull reads
-- its view from the database. So the head no longer names the transaction that moved it (migration
-- 006) nor reports its moves (migration 007): ks_move_heads only moves the heads.
-- PL/pgSQL keeps its statement's plan for the session (a SQL function is planned at every call).
CREATE OR REPLACE FUNCTION ks_move_heads(tenants text[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO sync_heads (tenant_id, version)
    SELECT t, nextval('row_version') FROM unnest(tenants) t
    ON CONFLICT (tenant_id) DO UPDATE SET version = EXCLUDED.version;
END $$;

DROP FUNCTION IF EXISTS ks_expect_head(text, text);
DROP FUNCTION IF EXISTS ks_expect_none(bigint);
ALTER TABLE sync_heads DROP COLUMN IF EXISTS moved_by;
