-- Order numbers unique within a restaurant and its service day (issue 20): one row per tenant and
-- day holds the counters orders are numbered from (shared/src/mutators/order-numbering.ts). A
-- synced table like the others: managers' replicas hold it, so a terminal can number offline.
CREATE TABLE IF NOT EXISTS service_days (
  tenant_id text NOT NULL REFERENCES tenants(id),
  id text NOT NULL,
  data jsonb NOT NULL,
  version bigint NOT NULL DEFAULT nextval('row_version'),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id)
);
CREATE INDEX IF NOT EXISTS service_days_version ON service_days (tenant_id, version);

CREATE OR REPLACE TRIGGER service_days_inserted AFTER INSERT ON service_days
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION ks_move_head();
CREATE OR REPLACE TRIGGER service_days_updated AFTER UPDATE ON service_days
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION ks_move_head();
CREATE OR REPLACE TRIGGER service_days_deleted AFTER DELETE ON service_days
  REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION ks_tombstone('serviceDay/');
