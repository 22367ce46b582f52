-- Restaurant hub (issue 12). A `hub` token lets one restaurant's hub pull its tenant and forward
-- its terminals' mutations; the audit keeps that a change came through a hub and when the hub had it.
ALTER TABLE tokens DROP CONSTRAINT IF EXISTS tokens_role_check;
ALTER TABLE tokens ADD CONSTRAINT tokens_role_check CHECK (role IN ('admin', 'manager', 'kitchen', 'customer', 'hub'));

ALTER TABLE events ADD COLUMN IF NOT EXISTS via_hub_token_id text;
ALTER TABLE events ADD COLUMN IF NOT EXISTS hub_at timestamptz;

-- On a hub only: how far it has read the cloud (the cloud's row version).
CREATE TABLE IF NOT EXISTS hub_state (
  tenant_id text PRIMARY KEY REFERENCES tenants(id),
  cloud_version bigint NOT NULL DEFAULT 0,
  pulled_at timestamptz
);
