-- Issue 15: the import page shows the rows a background import refused,
-- each with its line number and its reasons in Bahasa Indonesia, also after
-- a reload and after the import finished (its answer is not kept otherwise:
-- a background import answers 202 before any row is checked).
--
-- Written by legacyimport/LegacyImportRepository: the rows refused when the
-- file is checked are replaced as a whole each time it is checked (an
-- import taken up again after an interruption checks its file again), a
-- row that could not be written is added when it fails. problems: the
-- reasons, one per line. Plain SQL valid on H2 and PostgreSQL.
CREATE TABLE legacy_import_rejected_row (
    import_id      BIGINT         NOT NULL REFERENCES legacy_import (id),
    line_no        INTEGER        NOT NULL,
    legacy_number  VARCHAR(100),
    problems       VARCHAR(4000)  NOT NULL,
    CONSTRAINT pk_legacy_import_rejected_row PRIMARY KEY (import_id, line_no)
);
