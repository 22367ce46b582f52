-- Kitchen printers and their print jobs (issue 22): tenant data synced like any other row, so a
-- print agent, the dashboard and the station screens see the same queue.
DO $$
DECLARE
  t record;
BEGIN
  FOR t IN SELECT * FROM (VALUES ('printers', 'printer/'), ('print_jobs', 'printJob/')) AS x(tab, prefix) LOOP
    EXECUTE format('CREATE TABLE IF NOT EXISTS %1$s (
      tenant_id text NOT NULL REFERENCES tenants(id),
      id text NOT NULL,
      data jsonb NOT NULL,
      version bigint NOT NULL DEFAULT nextval(''row_version''),
      updated_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (tenant_id, id))', t.tab);
    EXECUTE format('CREATE INDEX IF NOT EXISTS %1$s_version ON %1$s (tenant_id, version)', t.tab);
    -- The same head and tombstone triggers as every synced table (migration 002).
    EXECUTE format('CREATE OR REPLACE TRIGGER %1$s_inserted AFTER INSERT ON %1$s REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION ks_move_head()', t.tab);
    EXECUTE format('CREATE OR REPLACE TRIGGER %1$s_updated AFTER UPDATE ON %1$s REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION ks_move_head()', t.tab);
    EXECUTE format('CREATE OR REPLACE TRIGGER %1$s_deleted AFTER DELETE ON %1$s REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION ks_tombstone(%2$L)', t.tab, t.prefix);
  END LOOP;
END $$;

-- What the agent asks for: a printer's unfinished jobs.
CREATE INDEX IF NOT EXISTS print_jobs_unfinished ON print_jobs (tenant_id, (data->>'printerId')) WHERE data->>'status' <> 'printed';

-- On the machine that runs a print agent: job ids whose bytes went to a printer, written before
-- the agent tells anyone. A hub's mirror rewrites synced jobs from the cloud; this does not sync.
CREATE TABLE IF NOT EXISTS print_ledger (
  tenant_id text NOT NULL,
  job_id text NOT NULL,
  sent_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, job_id)
);
