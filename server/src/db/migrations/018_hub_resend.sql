-- On a hub (issue 23): across a restore of its cloud. The hub keeps what it forwarded and the
-- cloud confirmed (`forwarded_at` set) for a retention window, so that after the cloud comes back
-- restored to an earlier moment it sends again, once, what the restore lost. Rows with
-- `forwarded_at` NULL are the outbox proper (waiting for the cloud). `cloud_epoch` is the cloud's
-- sync epoch the hub last mirrored: a new one says the cloud was restored.
ALTER TABLE hub_outbox ADD COLUMN IF NOT EXISTS forwarded_at timestamptz;
CREATE INDEX IF NOT EXISTS hub_outbox_waiting ON hub_outbox (seq) WHERE forwarded_at IS NULL;
ALTER TABLE hub_state ADD COLUMN IF NOT EXISTS cloud_epoch text;
