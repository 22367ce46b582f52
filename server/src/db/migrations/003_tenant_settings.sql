-- Restaurant details a manager edits and the customer tracker shows (issue 13). A tenant without a
-- row shows its tenant name and no phone.
CREATE TABLE IF NOT EXISTS tenant_settings (
  tenant_id text PRIMARY KEY REFERENCES tenants(id) ON DELETE CASCADE,
  name text,
  phone text,
  updated_at timestamptz NOT NULL DEFAULT now()
);
