-- H2 (development, process tests): the column that the registry's free text
-- searches, as db/vendor/postgresql/V68__search_text.sql adds it on
-- PostgreSQL (where it also has a trigram index). H2 computes it on every
-- write.
ALTER TABLE agreement ADD COLUMN search_text VARCHAR(1000) GENERATED ALWAYS AS (
    LOWER(title || ' ' || partner_name || ' ' || partner_country || ' ' || registration_number || ' '
        || COALESCE(document_number, '')));
