-- Order numbers unique within a restaurant and its service day (issue 20): one row per tenant and
-- day holds the counters orders are numbered from (shared/src/mutators/order-numbering.ts). A
-- synced table like the others: managers' replicas hold it, so a terminal can number offline.
-- Shaped as every synced table (products': key, data, version, its (tenant_id, version) index).
CREATE TABLE IF NOT EXISTS service_days (LIKE products INCLUDING DEFAULTS INCLUDING INDEXES);
ALTER TABLE service_days DROP CONSTRAINT IF EXISTS service_days_tenant_id_fkey;
ALTER TABLE service_days ADD CONSTRAINT service_days_tenant_id_fkey FOREIGN KEY (tenant_id) REFERENCES tenants(id);

CREATE OR REPLACE TRIGGER service_days_inserted AFTER INSERT ON service_days
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION ks_move_head();
CREATE OR REPLACE TRIGGER service_days_updated AFTER UPDATE ON service_days
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION ks_move_head();
CREATE OR REPLACE TRIGGER service_days_deleted AFTER DELETE ON service_days
  REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION ks_tombstone('serviceDay/');
