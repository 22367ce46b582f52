-- A ticket's tombstone names its order (issue 19).
--
-- A kitchen sees an order while one of its tickets is on the line. When a ticket row is deleted
-- (a hub rolling back to the cloud drops the tickets of a confirm the cloud refused), the order
-- leaves the kitchen's view although its own row may not change: the kitchen pull finds such
-- orders through the deleted tickets' `order_id`. Expand only: the column is new and nullable,
-- so a server of the previous release on the same database keeps working.
ALTER TABLE deleted_rows ADD COLUMN IF NOT EXISTS order_id text;

CREATE OR REPLACE FUNCTION ks_tombstone() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_TABLE_NAME = 'rejections' THEN
    INSERT INTO deleted_rows (tenant_id, client_group_id, key, version)
      SELECT tenant_id, client_group_id, key, nextval('row_version') FROM changed;
  ELSIF TG_TABLE_NAME = 'kitchen_orders' THEN
    INSERT INTO deleted_rows (tenant_id, key, version, order_id)
      SELECT tenant_id, TG_ARGV[0] || id, nextval('row_version'), order_id FROM changed;
  ELSE
    INSERT INTO deleted_rows (tenant_id, key, version)
      SELECT tenant_id, TG_ARGV[0] || id, nextval('row_version') FROM changed;
  END IF;
  PERFORM ks_move_heads(ARRAY(SELECT DISTINCT tenant_id FROM changed));
  RETURN NULL;
END $$;
