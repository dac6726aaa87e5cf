-- The operational permit is decided, not recorded together with the MSP
-- signing (issue #12 item 3, assumption A38): the signing records it as
-- REQUESTED and starts ngo-operational-permit; the issuer (by default the
-- Mitra Utama, A13) makes it ACTIVE (granted) or REFUSED.
ALTER TABLE ngo_permit DROP CONSTRAINT ck_ngo_permit_state;
ALTER TABLE ngo_permit ADD CONSTRAINT ck_ngo_permit_state
    CHECK (state IN ('REQUESTED', 'ACTIVE', 'REFUSED', 'SUSPENDED', 'REVOKED'));
