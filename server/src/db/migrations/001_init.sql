-- kitchensync schema v1. Every synced row carries `version` from one global sequence, so a row
-- deleted and re-created never reuses a version a client view record has seen.
CREATE SEQUENCE IF NOT EXISTS row_version;

CREATE TABLE IF NOT EXISTS tenants (
  id text PRIMARY KEY,
  name text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE IF NOT EXISTS tokens (
  id text PRIMARY KEY,
  tenant_id text REFERENCES tenants(id),
  role text NOT NULL CHECK (role IN ('admin', 'manager', 'kitchen', 'customer')),
  label text NOT NULL DEFAULT '',
  hash text NOT NULL UNIQUE,
  order_id text,
  created_at timestamptz NOT NULL DEFAULT now(),
  revoked_at timestamptz
);
CREATE INDEX IF NOT EXISTS tokens_tenant ON tokens (tenant_id);

CREATE TABLE IF NOT EXISTS products (
  tenant_id text NOT NULL REFERENCES tenants(id),
  id text NOT NULL,
  data jsonb NOT NULL,
  version bigint NOT NULL DEFAULT nextval('row_version'),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id)
);

CREATE TABLE IF NOT EXISTS customers (
  tenant_id text NOT NULL REFERENCES tenants(id),
  id text NOT NULL,
  data jsonb NOT NULL,
  version bigint NOT NULL DEFAULT nextval('row_version'),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id)
);

CREATE TABLE IF NOT EXISTS stations (
  tenant_id text NOT NULL REFERENCES tenants(id),
  id text NOT NULL,
  data jsonb NOT NULL,
  version bigint NOT NULL DEFAULT nextval('row_version'),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id)
);

CREATE TABLE IF NOT EXISTS orders (
  tenant_id text NOT NULL REFERENCES tenants(id),
  id text NOT NULL,
  data jsonb NOT NULL,
  version bigint NOT NULL DEFAULT nextval('row_version'),
  updated_at timestamptz NOT NULL DEFAULT now(),
  status text GENERATED ALWAYS AS (data->>'status') STORED,
  channel text GENERATED ALWAYS AS (data->>'channel') STORED,
  customer_id text GENERATED ALWAYS AS (data->>'customerId') STORED,
  created_ms bigint GENERATED ALWAYS AS ((data->>'createdAt')::bigint) STORED,
  PRIMARY KEY (tenant_id, id)
);
CREATE INDEX IF NOT EXISTS orders_status ON orders (tenant_id, status);
CREATE INDEX IF NOT EXISTS orders_created ON orders (tenant_id, created_ms, id);

CREATE TABLE IF NOT EXISTS contracts (
  tenant_id text NOT NULL REFERENCES tenants(id),
  id text NOT NULL,
  data jsonb NOT NULL,
  version bigint NOT NULL DEFAULT nextval('row_version'),
  updated_at timestamptz NOT NULL DEFAULT now(),
  order_id text GENERATED ALWAYS AS (data->>'orderId') STORED,
  contract_version int GENERATED ALWAYS AS ((data->>'version')::int) STORED,
  PRIMARY KEY (tenant_id, id)
);
CREATE INDEX IF NOT EXISTS contracts_order ON contracts (tenant_id, order_id);

CREATE TABLE IF NOT EXISTS kitchen_orders (
  tenant_id text NOT NULL REFERENCES tenants(id),
  id text NOT NULL,
  data jsonb NOT NULL,
  version bigint NOT NULL DEFAULT nextval('row_version'),
  updated_at timestamptz NOT NULL DEFAULT now(),
  order_id text GENERATED ALWAYS AS (data->>'orderId') STORED,
  station_id text GENERATED ALWAYS AS (data->>'stationId') STORED,
  status text GENERATED ALWAYS AS (data->>'status') STORED,
  PRIMARY KEY (tenant_id, id)
);
CREATE INDEX IF NOT EXISTS kitchen_orders_order ON kitchen_orders (tenant_id, order_id);
CREATE INDEX IF NOT EXISTS kitchen_orders_status ON kitchen_orders (tenant_id, status);

-- Items of kitchen orders, one row each, kept in step with kitchen_orders.data by the server's
-- transaction adapter: what per-item queries (consumption per day, item status) read.
CREATE TABLE IF NOT EXISTS kitchen_order_items (
  tenant_id text NOT NULL REFERENCES tenants(id),
  kitchen_order_id text NOT NULL,
  item_id text NOT NULL,
  order_id text NOT NULL,
  station_id text NOT NULL,
  product_id text NOT NULL,
  name text NOT NULL,
  quantity int NOT NULL,
  status text NOT NULL,
  done_ms bigint,
  consumed jsonb,
  PRIMARY KEY (tenant_id, kitchen_order_id, item_id)
);
CREATE INDEX IF NOT EXISTS kitchen_order_items_done ON kitchen_order_items (tenant_id, done_ms);

CREATE TABLE IF NOT EXISTS replicache_client_groups (
  id text PRIMARY KEY,
  tenant_id text NOT NULL REFERENCES tenants(id),
  token_id text NOT NULL,
  cvr_order int NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_seen timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE IF NOT EXISTS replicache_clients (
  id text PRIMARY KEY,
  client_group_id text NOT NULL REFERENCES replicache_client_groups(id) ON DELETE CASCADE,
  last_mutation_id int NOT NULL DEFAULT 0,
  last_seen timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX IF NOT EXISTS replicache_clients_group ON replicache_clients (client_group_id);

-- Client groups purged by garbage collection: their pulls get ClientStateNotFound.
CREATE TABLE IF NOT EXISTS replicache_purged_groups (
  id text PRIMARY KEY,
  purged_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE IF NOT EXISTS client_view_records (
  id text PRIMARY KEY,
  client_group_id text NOT NULL REFERENCES replicache_client_groups(id) ON DELETE CASCADE,
  cvr_order int NOT NULL,
  -- JSON text, not jsonb: written on every changed pull, read back only on a cache miss.
  entries text NOT NULL,
  clients text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX IF NOT EXISTS cvr_group ON client_view_records (client_group_id, cvr_order);

CREATE TABLE IF NOT EXISTS rejections (
  tenant_id text NOT NULL REFERENCES tenants(id),
  client_group_id text NOT NULL REFERENCES replicache_client_groups(id) ON DELETE CASCADE,
  key text NOT NULL,
  data jsonb NOT NULL,
  version bigint NOT NULL DEFAULT nextval('row_version'),
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (client_group_id, key)
);

CREATE TABLE IF NOT EXISTS events (
  seq bigserial PRIMARY KEY,
  tenant_id text NOT NULL REFERENCES tenants(id),
  at timestamptz NOT NULL DEFAULT clock_timestamp(),
  type text NOT NULL,
  order_id text,
  actor_token_id text,
  actor_role text NOT NULL,
  source text NOT NULL CHECK (source IN ('sync', 'rest', 'system')),
  client_id text,
  mutation_id int,
  mutation_name text,
  request_id text,
  data jsonb NOT NULL
);
CREATE INDEX IF NOT EXISTS events_order ON events (tenant_id, order_id, seq);
CREATE INDEX IF NOT EXISTS events_at ON events (tenant_id, at);
