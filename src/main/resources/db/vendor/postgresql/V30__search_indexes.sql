-- PostgreSQL only (spring.flyway.locations: db/vendor/{vendor}): indexes for the
-- registry search, so that free text and the province visibility do not read the
-- whole agreement table (issue 15, docs/performance.md). H2 (development, process
-- tests) stays without them.
--
-- pg_trgm ships with PostgreSQL (contrib) and is a trusted extension since
-- PostgreSQL 13: the database owner may create it (docs/operations.md).
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- free text (AgreementSearch: LOWER(column) LIKE '%word%'): trigram indexes
CREATE INDEX ix_agreement_title_trgm ON agreement USING gin (LOWER(title) gin_trgm_ops);
CREATE INDEX ix_agreement_partner_name_trgm ON agreement USING gin (LOWER(partner_name) gin_trgm_ops);
CREATE INDEX ix_agreement_partner_country_trgm ON agreement USING gin (LOWER(partner_country) gin_trgm_ops);
CREATE INDEX ix_agreement_registration_number_trgm ON agreement USING gin (LOWER(registration_number) gin_trgm_ops);
CREATE INDEX ix_agreement_document_number_trgm ON agreement USING gin (LOWER(document_number) gin_trgm_ops);
CREATE INDEX ix_agreement_legacy_number_trgm ON agreement_legacy_key USING gin (LOWER(legacy_number) gin_trgm_ops);

-- comma-joined lists searched with (',' || column || ',') LIKE '%,item,%':
-- a province's visibility and the location/sector filters
CREATE INDEX ix_agreement_location_provinces_trgm ON agreement
    USING gin ((',' || location_provinces || ',') gin_trgm_ops);
CREATE INDEX ix_agreement_sectors_trgm ON agreement USING gin ((',' || sectors || ',') gin_trgm_ops);

-- the dashboard's ACTIVE-ending counts (a province's proposer_province has its index since V5)
CREATE INDEX ix_agreement_status_end_date ON agreement (status, end_date);
