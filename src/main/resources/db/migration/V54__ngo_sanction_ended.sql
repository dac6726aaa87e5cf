-- An upheld temporary suspension ends by itself on its "dibekukan sampai"
-- day (issue #12, assumption A36): the sanction becomes ENDED, the NGO's
-- permits active again and its paused cooperations resume.
ALTER TABLE ngo_sanction DROP CONSTRAINT ck_ngo_sanction_state;
ALTER TABLE ngo_sanction ADD CONSTRAINT ck_ngo_sanction_state
    CHECK (state IN ('OPEN', 'RESPONDED', 'LIFTED', 'IN_FORCE', 'ENDED'));
