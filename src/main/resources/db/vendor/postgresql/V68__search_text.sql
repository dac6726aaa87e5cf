-- The registry's free text at 100,000 agreements (issue 15; docs/performance.md
-- "Run 13"). PostgreSQL; db/vendor/h2/V68__search_text.sql adds the same column
-- on H2.
--
-- AgreementSearch asked each word of the text in five columns
-- (LOWER(title) LIKE ? OR LOWER(partner_name) LIKE ? OR ...) and the legacy
-- number, as "a.id IN (SELECT ... UNION SELECT ...)": PostgreSQL computed five
-- LOWER()s per row, collected every match, removed duplicates and joined them
-- back to the agreements, and for the first page sorted all of them — 80,000
-- rows for a word that most titles hold. Now each word is one LIKE on this
-- column, the searched columns lower-cased and joined by spaces (a word is
-- split at white space and its wildcards are escaped, so it matches the
-- joined text exactly when it matches one of the columns), and PostgreSQL
-- chooses: the trigram index for a rare word, the table or the newest
-- agreements first for a common one.
ALTER TABLE agreement ADD COLUMN search_text TEXT GENERATED ALWAYS AS (
    LOWER(title || ' ' || partner_name || ' ' || partner_country || ' ' || registration_number || ' '
        || COALESCE(document_number, ''))) STORED;
CREATE INDEX ix_agreement_search_text_trgm ON agreement USING gin (search_text gin_trgm_ops);

-- The per-column indexes that only the free text used; the partner filter
-- (LOWER(partner_name) LIKE) and the country filter keep theirs, the legacy
-- number keeps ix_agreement_legacy_number_trgm.
DROP INDEX ix_agreement_title_trgm;
DROP INDEX ix_agreement_registration_number_trgm;
DROP INDEX ix_agreement_document_number_trgm;

-- The search's default order (newest first) read from an index: the first
-- page of a search that matches many agreements stops after its rows
-- instead of sorting every match.
CREATE INDEX ix_agreement_created_at ON agreement (created_at, id);

-- The Cockpit dashboard's counts (AgreementFigures) read only these columns:
-- from an index instead of every (wide) row of the table.
CREATE INDEX ix_agreement_phase_type_status ON agreement (phase, cooperation_type, status);
CREATE INDEX ix_agreement_status_provinces ON agreement (status, proposer_province, location_provinces);

ANALYZE agreement;
