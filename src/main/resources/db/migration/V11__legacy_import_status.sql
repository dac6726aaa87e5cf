-- Issue 14: an import interrupted midway (the application killed, the
-- database gone) no longer stays "unfinished" for ever.
--
-- status: RUNNING while an application works on it, FINISHED when it ended,
-- INTERRUPTED when no application worked on it for longer than
-- kerjasama.legacy-import.stale-after (legacyimport/InterruptedImports closes
-- it at start-up and every minute). heartbeat_at: the last sign of life of
-- the application running it. The counts are kept up to date while it runs
-- (imported_rows is raised in the transaction of each chunk it commits), so an
-- interrupted import shows what was done. note: what an administrator should
-- know about it, in Bahasa Indonesia.
ALTER TABLE legacy_import ADD COLUMN status VARCHAR(16);
ALTER TABLE legacy_import ADD COLUMN heartbeat_at TIMESTAMP;
ALTER TABLE legacy_import ADD COLUMN note VARCHAR(1000);

UPDATE legacy_import SET status = 'FINISHED' WHERE finished_at IS NOT NULL;
UPDATE legacy_import SET status = 'RUNNING' WHERE finished_at IS NULL;

ALTER TABLE legacy_import ALTER COLUMN status SET NOT NULL;
ALTER TABLE legacy_import ADD CONSTRAINT ck_legacy_import_status
    CHECK (status IN ('RUNNING', 'FINISHED', 'INTERRUPTED'));
CREATE INDEX ix_legacy_import_status ON legacy_import (status);
CREATE INDEX ix_agreement_legacy_key_import ON agreement_legacy_key (import_id);
