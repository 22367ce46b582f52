-- On a hub only: terminals' mutations the hub confirmed while the cloud was unreachable, in the
-- order it received them, until the cloud has them (issue 12). Written before the local apply,
-- so whatever a terminal was told is saved is here after a kill -9.
CREATE TABLE IF NOT EXISTS hub_outbox (
  seq bigserial PRIMARY KEY,
  client_group_id text NOT NULL,
  token_id text NOT NULL,
  client_id text NOT NULL,
  mutation_id int NOT NULL,
  name text NOT NULL,
  args jsonb,
  client_timestamp double precision NOT NULL,
  hub_at bigint NOT NULL,
  UNIQUE (client_id, mutation_id)
);
