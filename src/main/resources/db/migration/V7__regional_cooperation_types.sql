-- Regional cooperation as GR 28/2018 lays it down (issue 11, docs/processes.md).
-- Plain SQL valid on H2 and PostgreSQL.
--
-- New cooperation types: KSDD (region with region), KSDPK (region with a third
-- party), KSDPL (region with a foreign regional government), KSDLL (region with
-- a foreign institution). LUAR_NEGERI and DALAM_NEGERI stay valid: rows recorded
-- before keep them, because a row does not say whether its partner was a region
-- or a third party (a foreign government or an institution), so mapping them to
-- a new type would be a guess; their process instances finish on the version they
-- started with. The new document kinds (KB, KB_DRAFT, COOPERATION_PLAN,
-- MOU_DRAFT, FULL_POWER) need no change: document kinds are plain text columns.
ALTER TABLE agreement DROP CONSTRAINT ck_agreement_type;
ALTER TABLE agreement ADD CONSTRAINT ck_agreement_type
    CHECK (cooperation_type IN ('ORMAS_ASING', 'LUAR_NEGERI', 'DALAM_NEGERI', 'KSDD', 'KSDPK', 'KSDPL', 'KSDLL'));

-- The partner region of a KSDD: a party with its own tasks and visibility.
ALTER TABLE agreement ADD COLUMN partner_region VARCHAR(64);
-- WAJIB (mandatory) or SUKARELA (voluntary) cooperation of a region (GR 28/2018).
ALTER TABLE agreement ADD COLUMN cooperation_nature VARCHAR(20);
-- The government affair (urusan pemerintahan) the cooperation serves.
ALTER TABLE agreement ADD COLUMN government_affair VARCHAR(200);
ALTER TABLE agreement ADD CONSTRAINT ck_agreement_nature
    CHECK (cooperation_nature IS NULL OR cooperation_nature IN ('WAJIB', 'SUKARELA'));

CREATE INDEX ix_agreement_partner_region ON agreement (partner_region);
