-- The database schema as the migrations in ./migrations leave it: generated, do not edit.

-- Regenerate with `pnpm --filter @kitchensync/server schema`; a test checks it matches.

CREATE SEQUENCE row_version;

CREATE TABLE client_view_records (
  id text NOT NULL,
  client_group_id text NOT NULL,
  cvr_order integer NOT NULL,
  head bigint NOT NULL,
  made_at timestamp with time zone NOT NULL,
  clients text NOT NULL,
  CONSTRAINT client_view_records_client_group_id_fkey FOREIGN KEY (client_group_id) REFERENCES replicache_client_groups(id) ON DELETE CASCADE,
  CONSTRAINT client_view_records_pkey PRIMARY KEY (id)
);

CREATE TABLE contracts (
  tenant_id text NOT NULL,
  id text NOT NULL,
  data jsonb NOT NULL,
  version bigint NOT NULL DEFAULT nextval('row_version'::regclass),
  updated_at timestamp with time zone NOT NULL DEFAULT now(),
  order_id text DEFAULT (data ->> 'orderId'::text),
  contract_version integer DEFAULT ((data ->> 'version'::text))::integer,
  CONSTRAINT contracts_tenant_id_fkey FOREIGN KEY (tenant_id) REFERENCES tenants(id),
  CONSTRAINT contracts_pkey PRIMARY KEY (tenant_id, id)
);

CREATE TABLE customers (
  tenant_id text NOT NULL,
  id text NOT NULL,
  data jsonb NOT NULL,
  version bigint NOT NULL DEFAULT nextval('row_version'::regclass),
  updated_at timestamp with time zone NOT NULL DEFAULT now(),
  CONSTRAINT customers_tenant_id_fkey FOREIGN KEY (tenant_id) REFERENCES tenants(id),
  CONSTRAINT customers_pkey PRIMARY KEY (tenant_id, id)
);

CREATE TABLE deleted_rows (
  tenant_id text NOT NULL,
  client_group_id text,
  key text NOT NULL,
  version bigint NOT NULL,
  deleted_at timestamp with time zone NOT NULL DEFAULT now(),
  order_id text
);

CREATE TABLE events (
  seq bigint NOT NULL DEFAULT nextval('events_seq_seq'::regclass),
  tenant_id text NOT NULL,
  at timestamp with time zone NOT NULL DEFAULT clock_timestamp(),
  type text NOT NULL,
  order_id text,
  actor_token_id text,
  actor_role text NOT NULL,
  source text NOT NULL,
  client_id text,
  mutation_id integer,
  mutation_name text,
  request_id text,
  data jsonb NOT NULL,
  via_hub_token_id text,
  hub_at timestamp with time zone,
  CONSTRAINT events_source_check CHECK ((source = ANY (ARRAY['sync'::text, 'rest'::text, 'system'::text]))),
  CONSTRAINT events_tenant_id_fkey FOREIGN KEY (tenant_id) REFERENCES tenants(id),
  CONSTRAINT events_pkey PRIMARY KEY (seq)
);

CREATE TABLE hub_outbox (
  seq bigint NOT NULL DEFAULT nextval('hub_outbox_seq_seq'::regclass),
  client_group_id text NOT NULL,
  token_id text NOT NULL,
  client_id text NOT NULL,
  mutation_id integer NOT NULL,
  name text NOT NULL,
  args jsonb,
  client_timestamp double precision NOT NULL,
  hub_at bigint NOT NULL,
  schema_version text NOT NULL DEFAULT '1'::text,
  forwarded_at timestamp with time zone,
  CONSTRAINT hub_outbox_pkey PRIMARY KEY (seq),
  CONSTRAINT hub_outbox_client_id_mutation_id_key UNIQUE (client_id, mutation_id)
);

CREATE TABLE hub_state (
  tenant_id text NOT NULL,
  cloud_version bigint NOT NULL DEFAULT 0,
  pulled_at timestamp with time zone,
  cloud_epoch text,
  CONSTRAINT hub_state_tenant_id_fkey FOREIGN KEY (tenant_id) REFERENCES tenants(id),
  CONSTRAINT hub_state_pkey PRIMARY KEY (tenant_id)
);

CREATE TABLE kitchen_order_items (
  tenant_id text NOT NULL,
  kitchen_order_id text NOT NULL,
  item_id text NOT NULL,
  order_id text NOT NULL,
  station_id text NOT NULL,
  product_id text NOT NULL,
  name text NOT NULL,
  quantity integer NOT NULL,
  status text NOT NULL,
  done_ms bigint,
  consumed jsonb,
  CONSTRAINT kitchen_order_items_tenant_id_fkey FOREIGN KEY (tenant_id) REFERENCES tenants(id),
  CONSTRAINT kitchen_order_items_pkey PRIMARY KEY (tenant_id, kitchen_order_id, item_id)
);

CREATE TABLE kitchen_orders (
  tenant_id text NOT NULL,
  id text NOT NULL,
  data jsonb NOT NULL,
  version bigint NOT NULL DEFAULT nextval('row_version'::regclass),
  updated_at timestamp with time zone NOT NULL DEFAULT now(),
  order_id text DEFAULT (data ->> 'orderId'::text),
  station_id text DEFAULT (data ->> 'stationId'::text),
  status text DEFAULT (data ->> 'status'::text),
  CONSTRAINT kitchen_orders_tenant_id_fkey FOREIGN KEY (tenant_id) REFERENCES tenants(id),
  CONSTRAINT kitchen_orders_pkey PRIMARY KEY (tenant_id, id)
);

CREATE TABLE migrations (
  id integer NOT NULL,
  name text NOT NULL,
  applied_at timestamp with time zone NOT NULL DEFAULT now(),
  CONSTRAINT migrations_pkey PRIMARY KEY (id)
);

CREATE TABLE orders (
  tenant_id text NOT NULL,
  id text NOT NULL,
  data jsonb NOT NULL,
  version bigint NOT NULL DEFAULT nextval('row_version'::regclass),
  updated_at timestamp with time zone NOT NULL DEFAULT now(),
  status text DEFAULT (data ->> 'status'::text),
  channel text DEFAULT (data ->> 'channel'::text),
  customer_id text DEFAULT (data ->> 'customerId'::text),
  created_ms bigint DEFAULT ((data ->> 'createdAt'::text))::bigint,
  CONSTRAINT orders_tenant_id_fkey FOREIGN KEY (tenant_id) REFERENCES tenants(id),
  CONSTRAINT orders_pkey PRIMARY KEY (tenant_id, id)
);

CREATE TABLE print_jobs (
  tenant_id text NOT NULL,
  id text NOT NULL,
  data jsonb NOT NULL,
  version bigint NOT NULL DEFAULT nextval('row_version'::regclass),
  updated_at timestamp with time zone NOT NULL DEFAULT now(),
  CONSTRAINT print_jobs_tenant_id_fkey FOREIGN KEY (tenant_id) REFERENCES tenants(id),
  CONSTRAINT print_jobs_pkey PRIMARY KEY (tenant_id, id)
);

CREATE TABLE print_ledger (
  tenant_id text NOT NULL,
  job_id text NOT NULL,
  sent_at timestamp with time zone NOT NULL DEFAULT now(),
  CONSTRAINT print_ledger_pkey PRIMARY KEY (tenant_id, job_id)
);

CREATE TABLE printers (
  tenant_id text NOT NULL,
  id text NOT NULL,
  data jsonb NOT NULL,
  version bigint NOT NULL DEFAULT nextval('row_version'::regclass),
  updated_at timestamp with time zone NOT NULL DEFAULT now(),
  CONSTRAINT printers_tenant_id_fkey FOREIGN KEY (tenant_id) REFERENCES tenants(id),
  CONSTRAINT printers_pkey PRIMARY KEY (tenant_id, id)
);

CREATE TABLE products (
  tenant_id text NOT NULL,
  id text NOT NULL,
  data jsonb NOT NULL,
  version bigint NOT NULL DEFAULT nextval('row_version'::regclass),
  updated_at timestamp with time zone NOT NULL DEFAULT now(),
  CONSTRAINT products_tenant_id_fkey FOREIGN KEY (tenant_id) REFERENCES tenants(id),
  CONSTRAINT products_pkey PRIMARY KEY (tenant_id, id)
);

CREATE TABLE rejections (
  tenant_id text NOT NULL,
  client_group_id text NOT NULL,
  key text NOT NULL,
  data jsonb NOT NULL,
  version bigint NOT NULL DEFAULT nextval('row_version'::regclass),
  created_at timestamp with time zone NOT NULL DEFAULT now(),
  CONSTRAINT rejections_client_group_id_fkey FOREIGN KEY (client_group_id) REFERENCES replicache_client_groups(id) ON DELETE CASCADE,
  CONSTRAINT rejections_tenant_id_fkey FOREIGN KEY (tenant_id) REFERENCES tenants(id),
  CONSTRAINT rejections_pkey PRIMARY KEY (client_group_id, key)
);

CREATE TABLE replicache_client_groups (
  id text NOT NULL,
  tenant_id text NOT NULL,
  token_id text NOT NULL,
  cvr_order integer NOT NULL DEFAULT 0,
  created_at timestamp with time zone NOT NULL DEFAULT now(),
  last_seen timestamp with time zone NOT NULL DEFAULT now(),
  CONSTRAINT replicache_client_groups_tenant_id_fkey FOREIGN KEY (tenant_id) REFERENCES tenants(id),
  CONSTRAINT replicache_client_groups_pkey PRIMARY KEY (id)
);

CREATE TABLE replicache_clients (
  id text NOT NULL,
  client_group_id text NOT NULL,
  last_mutation_id integer NOT NULL DEFAULT 0,
  last_seen timestamp with time zone NOT NULL DEFAULT now(),
  CONSTRAINT replicache_clients_client_group_id_fkey FOREIGN KEY (client_group_id) REFERENCES replicache_client_groups(id) ON DELETE CASCADE,
  CONSTRAINT replicache_clients_pkey PRIMARY KEY (id)
);

CREATE TABLE replicache_purged_groups (
  id text NOT NULL,
  purged_at timestamp with time zone NOT NULL DEFAULT now(),
  CONSTRAINT replicache_purged_groups_pkey PRIMARY KEY (id)
);

CREATE TABLE service_days (
  tenant_id text NOT NULL,
  id text NOT NULL,
  data jsonb NOT NULL,
  version bigint NOT NULL DEFAULT nextval('row_version'::regclass),
  updated_at timestamp with time zone NOT NULL DEFAULT now(),
  CONSTRAINT service_days_tenant_id_fkey FOREIGN KEY (tenant_id) REFERENCES tenants(id),
  CONSTRAINT service_days_pkey PRIMARY KEY (tenant_id, id)
);

CREATE TABLE station_screens (
  tenant_id text NOT NULL,
  station_id text NOT NULL,
  seen_at timestamp with time zone NOT NULL,
  CONSTRAINT station_screens_pkey PRIMARY KEY (tenant_id, station_id)
);

CREATE TABLE stations (
  tenant_id text NOT NULL,
  id text NOT NULL,
  data jsonb NOT NULL,
  version bigint NOT NULL DEFAULT nextval('row_version'::regclass),
  updated_at timestamp with time zone NOT NULL DEFAULT now(),
  CONSTRAINT stations_tenant_id_fkey FOREIGN KEY (tenant_id) REFERENCES tenants(id),
  CONSTRAINT stations_pkey PRIMARY KEY (tenant_id, id)
);

CREATE TABLE sync_epochs (
  seq integer GENERATED ALWAYS AS IDENTITY NOT NULL,
  epoch text NOT NULL,
  started_at timestamp with time zone NOT NULL DEFAULT now(),
  CONSTRAINT sync_epochs_pkey PRIMARY KEY (seq),
  CONSTRAINT sync_epochs_epoch_key UNIQUE (epoch)
);

CREATE TABLE sync_heads (
  tenant_id text NOT NULL,
  version bigint NOT NULL,
  CONSTRAINT sync_heads_pkey PRIMARY KEY (tenant_id)
);

CREATE TABLE tenant_settings (
  tenant_id text NOT NULL,
  name text,
  phone text,
  updated_at timestamp with time zone NOT NULL DEFAULT now(),
  CONSTRAINT tenant_settings_tenant_id_fkey FOREIGN KEY (tenant_id) REFERENCES tenants(id) ON DELETE CASCADE,
  CONSTRAINT tenant_settings_pkey PRIMARY KEY (tenant_id)
);

CREATE TABLE tenants (
  id text NOT NULL,
  name text NOT NULL,
  created_at timestamp with time zone NOT NULL DEFAULT now(),
  CONSTRAINT tenants_pkey PRIMARY KEY (id)
);

CREATE TABLE tokens (
  id text NOT NULL,
  tenant_id text,
  role text NOT NULL,
  label text NOT NULL DEFAULT ''::text,
  hash text NOT NULL,
  order_id text,
  created_at timestamp with time zone NOT NULL DEFAULT now(),
  revoked_at timestamp with time zone,
  CONSTRAINT tokens_role_check CHECK ((role = ANY (ARRAY['admin'::text, 'manager'::text, 'kitchen'::text, 'customer'::text, 'hub'::text]))),
  CONSTRAINT tokens_tenant_id_fkey FOREIGN KEY (tenant_id) REFERENCES tenants(id),
  CONSTRAINT tokens_pkey PRIMARY KEY (id),
  CONSTRAINT tokens_hash_key UNIQUE (hash)
);

CREATE INDEX cvr_group ON public.client_view_records USING btree (client_group_id, cvr_order);

CREATE INDEX contracts_order ON public.contracts USING btree (tenant_id, order_id);

CREATE INDEX contracts_version ON public.contracts USING btree (tenant_id, version);

CREATE INDEX customers_version ON public.customers USING btree (tenant_id, version);

CREATE INDEX deleted_rows_at ON public.deleted_rows USING btree (deleted_at);

CREATE INDEX deleted_rows_since ON public.deleted_rows USING btree (tenant_id, version);

CREATE INDEX events_at ON public.events USING btree (tenant_id, at);

CREATE INDEX events_order ON public.events USING btree (tenant_id, order_id, seq);

CREATE INDEX hub_outbox_waiting ON public.hub_outbox USING btree (seq) WHERE (forwarded_at IS NULL);

CREATE INDEX kitchen_order_items_done ON public.kitchen_order_items USING btree (tenant_id, done_ms);

CREATE INDEX kitchen_orders_order ON public.kitchen_orders USING btree (tenant_id, order_id);

CREATE INDEX kitchen_orders_status ON public.kitchen_orders USING btree (tenant_id, status);

CREATE INDEX kitchen_orders_updated ON public.kitchen_orders USING btree (tenant_id, updated_at);

CREATE INDEX kitchen_orders_version ON public.kitchen_orders USING btree (tenant_id, version);

CREATE INDEX orders_created ON public.orders USING btree (tenant_id, created_ms, id);

CREATE INDEX orders_status ON public.orders USING btree (tenant_id, status);

CREATE INDEX orders_version ON public.orders USING btree (tenant_id, version);

CREATE INDEX print_jobs_unfinished ON public.print_jobs USING btree (tenant_id, ((data ->> 'printerId'::text))) WHERE ((data ->> 'status'::text) <> 'printed'::text);

CREATE INDEX print_jobs_version ON public.print_jobs USING btree (tenant_id, version);

CREATE INDEX printers_version ON public.printers USING btree (tenant_id, version);

CREATE INDEX products_version ON public.products USING btree (tenant_id, version);

CREATE INDEX rejections_version ON public.rejections USING btree (client_group_id, version);

CREATE INDEX replicache_clients_group ON public.replicache_clients USING btree (client_group_id);

CREATE INDEX service_days_tenant_id_version_idx ON public.service_days USING btree (tenant_id, version);

CREATE INDEX stations_version ON public.stations USING btree (tenant_id, version);

CREATE INDEX tokens_tenant ON public.tokens USING btree (tenant_id);

CREATE OR REPLACE FUNCTION public.ks_move_head()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
BEGIN
  PERFORM ks_move_heads(ARRAY(SELECT DISTINCT tenant_id FROM changed));
  RETURN NULL;
END $function$;

CREATE OR REPLACE FUNCTION public.ks_move_head_of_groups()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
BEGIN
  PERFORM ks_move_heads(ARRAY(SELECT DISTINCT g.tenant_id FROM changed c JOIN replicache_client_groups g ON g.id = c.client_group_id));
  RETURN NULL;
END $function$;

CREATE OR REPLACE FUNCTION public.ks_move_heads(tenants text[])
 RETURNS void
 LANGUAGE plpgsql
AS $function$
BEGIN
  INSERT INTO sync_heads (tenant_id, version)
    SELECT t, nextval('row_version') FROM unnest(tenants) t
    ON CONFLICT (tenant_id) DO UPDATE SET version = EXCLUDED.version;
END $function$;

CREATE OR REPLACE FUNCTION public.ks_tombstone()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
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
END $function$;

CREATE TRIGGER contracts_deleted AFTER DELETE ON public.contracts REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION ks_tombstone('contract/');

CREATE TRIGGER contracts_inserted AFTER INSERT ON public.contracts REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION ks_move_head();

CREATE TRIGGER contracts_updated AFTER UPDATE ON public.contracts REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION ks_move_head();

CREATE TRIGGER customers_deleted AFTER DELETE ON public.customers REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION ks_tombstone('customer/');

CREATE TRIGGER customers_inserted AFTER INSERT ON public.customers REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION ks_move_head();

CREATE TRIGGER customers_updated AFTER UPDATE ON public.customers REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION ks_move_head();

CREATE TRIGGER kitchen_orders_deleted AFTER DELETE ON public.kitchen_orders REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION ks_tombstone('kitchenOrder/');

CREATE TRIGGER kitchen_orders_inserted AFTER INSERT ON public.kitchen_orders REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION ks_move_head();

CREATE TRIGGER kitchen_orders_updated AFTER UPDATE ON public.kitchen_orders REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION ks_move_head();

CREATE TRIGGER orders_deleted AFTER DELETE ON public.orders REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION ks_tombstone('order/');

CREATE TRIGGER orders_inserted AFTER INSERT ON public.orders REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION ks_move_head();

CREATE TRIGGER orders_updated AFTER UPDATE ON public.orders REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION ks_move_head();

CREATE TRIGGER print_jobs_deleted AFTER DELETE ON public.print_jobs REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION ks_tombstone('printJob/');

CREATE TRIGGER print_jobs_inserted AFTER INSERT ON public.print_jobs REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION ks_move_head();

CREATE TRIGGER print_jobs_updated AFTER UPDATE ON public.print_jobs REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION ks_move_head();

CREATE TRIGGER printers_deleted AFTER DELETE ON public.printers REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION ks_tombstone('printer/');

CREATE TRIGGER printers_inserted AFTER INSERT ON public.printers REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION ks_move_head();

CREATE TRIGGER printers_updated AFTER UPDATE ON public.printers REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION ks_move_head();

CREATE TRIGGER products_deleted AFTER DELETE ON public.products REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION ks_tombstone('product/');

CREATE TRIGGER products_inserted AFTER INSERT ON public.products REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION ks_move_head();

CREATE TRIGGER products_updated AFTER UPDATE ON public.products REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION ks_move_head();

CREATE TRIGGER rejections_deleted AFTER DELETE ON public.rejections REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION ks_tombstone('');

CREATE TRIGGER rejections_inserted AFTER INSERT ON public.rejections REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION ks_move_head();

CREATE TRIGGER rejections_updated AFTER UPDATE ON public.rejections REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION ks_move_head();

CREATE TRIGGER replicache_client_groups_deleted AFTER DELETE ON public.replicache_client_groups REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION ks_move_head();

CREATE TRIGGER replicache_clients_inserted AFTER INSERT ON public.replicache_clients REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION ks_move_head_of_groups();

CREATE TRIGGER replicache_clients_updated AFTER UPDATE ON public.replicache_clients REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION ks_move_head_of_groups();

CREATE TRIGGER service_days_deleted AFTER DELETE ON public.service_days REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION ks_tombstone('serviceDay/');

CREATE TRIGGER service_days_inserted AFTER INSERT ON public.service_days REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION ks_move_head();

CREATE TRIGGER service_days_updated AFTER UPDATE ON public.service_days REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION ks_move_head();

CREATE TRIGGER stations_deleted AFTER DELETE ON public.stations REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION ks_tombstone('station/');

CREATE TRIGGER stations_inserted AFTER INSERT ON public.stations REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION ks_move_head();

CREATE TRIGGER stations_updated AFTER UPDATE ON public.stations REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION ks_move_head();
