-- Issue 15: a legacy import can run as a background job
-- (POST /api/admin/imports?background=true answers 202 at once).
--
-- The uploaded file is kept here while its import runs, so that an import
-- the application could not finish (killed, restarted, the database away
-- for a while) is taken up again from the same file, by whichever node finds
-- it INTERRUPTED first (legacyimport/BackgroundImports), instead of asking
-- the administrator to upload it again. Rows already imported are
-- recognised by their natural key (agreement_legacy_key) and not imported
-- twice. The file is deleted when its import finishes.
-- Plain SQL valid on H2 and PostgreSQL.
CREATE TABLE legacy_import_file (
    import_id  BIGINT  NOT NULL PRIMARY KEY REFERENCES legacy_import (id),
    content    BYTEA   NOT NULL
);
