-- Heads reported as they move (issue 11).
--
-- A database only one process can write (PGlite) is told of every move of a tenant's head, by
-- whichever statement made it: such a session sets `ks.report_heads` and LISTENs on `ks_heads`.
-- The payload is [tenant, moving transaction, new head]; a transaction that moves a head twice
-- reports both, in order, at its commit. Other sessions (Postgres, several processes) send nothing.
-- That process then knows, without asking, whether the changes its own commits made are all that
-- happened since a client's last pull (sync/change-feed.ts).
-- PL/pgSQL keeps its statements' plans for the session (a SQL function is planned at every call).
CREATE OR REPLACE FUNCTION ks_move_heads(tenants text[]) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  moved record;
BEGIN
  FOR moved IN
    INSERT INTO sync_heads (tenant_id, version, moved_by)
      SELECT t, nextval('row_version'), pg_current_xact_id() FROM unnest(tenants) t
      ON CONFLICT (tenant_id) DO UPDATE SET version = EXCLUDED.version, moved_by = EXCLUDED.moved_by
      RETURNING tenant_id, version, moved_by
  LOOP
    IF current_setting('ks.report_heads', true) = 'on' THEN
      PERFORM pg_notify('ks_heads', json_build_array(moved.tenant_id, moved.moved_by::text, moved.version)::text);
    END IF;
  END LOOP;
END $$;
