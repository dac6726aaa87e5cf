-- A revocation supersedes the NGO's earlier sanctions still running
-- (assumption A50): their records now say so (SUPERSEDED) instead of keeping
-- the state they had when the revocation came (OPEN, RESPONDED or IN_FORCE).
ALTER TABLE ngo_sanction DROP CONSTRAINT ck_ngo_sanction_state;
ALTER TABLE ngo_sanction ADD CONSTRAINT ck_ngo_sanction_state
    CHECK (state IN ('OPEN', 'RESPONDED', 'LIFTED', 'IN_FORCE', 'ENDED', 'SUPERSEDED'));
