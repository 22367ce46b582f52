-- On a hub: the schemaVersion each queued push came with (issue 23 point 4). The outbox forwards a
-- push with the schema its terminal spoke, so a cloud older than the hub refuses a mutator it does
-- not know (VersionNotSupported: the hub keeps it queued) instead of taking it as an unknown name
-- and turning it into a rejection. Rows queued by hubs of earlier releases were schema 1.
ALTER TABLE hub_outbox ADD COLUMN IF NOT EXISTS schema_version text NOT NULL DEFAULT '1';
