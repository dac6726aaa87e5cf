-- An operational permit request whose cooperation ended before the decision
-- (terminated, revoked, expired) is WITHDRAWN (issue #12, assumption A35):
-- no later grant can activate a closed cooperation's permit.
ALTER TABLE ngo_permit DROP CONSTRAINT ck_ngo_permit_state;
ALTER TABLE ngo_permit ADD CONSTRAINT ck_ngo_permit_state
    CHECK (state IN ('REQUESTED', 'ACTIVE', 'REFUSED', 'SUSPENDED', 'REVOKED', 'WITHDRAWN'));
