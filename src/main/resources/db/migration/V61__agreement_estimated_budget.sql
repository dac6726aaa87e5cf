-- Issue 13: the proposal asks for an estimated budget in Rupiah, shown to the
-- reviewers in Tasklist's "Berkas kerja sama" tab and in GET /api/agreements/{id}.
-- Optional: legacy and imported agreements (and those proposed before) have none.
-- The form's validate block gives the limits (0 .. 999.999.999.999.999, two decimals).
-- Plain SQL valid on H2 and PostgreSQL.
ALTER TABLE agreement ADD COLUMN estimated_budget DECIMAL(20, 2);
ALTER TABLE agreement ADD CONSTRAINT ck_agreement_estimated_budget CHECK (estimated_budget >= 0);
