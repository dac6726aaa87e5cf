-- The seven items a region's request to its DPRD explains (Perda DIY 1/2023 art. 12(4) a-g), kept with the
-- DPRD's decision instead of only in the timeline (issue #11). Null for a DPRD decision without them (KSDPL/KSDLL,
-- the routes recorded before, and every row written before this version). Limits: the DPRD task's form.
ALTER TABLE dprd_approval ADD COLUMN plan_purpose VARCHAR(2000);
ALTER TABLE dprd_approval ADD COLUMN plan_object VARCHAR(2000);
ALTER TABLE dprd_approval ADD COLUMN plan_rights_obligations VARCHAR(4000);
ALTER TABLE dprd_approval ADD COLUMN plan_apbd_contribution NUMERIC(17, 2);
ALTER TABLE dprd_approval ADD COLUMN plan_benefit VARCHAR(2000);
ALTER TABLE dprd_approval ADD COLUMN plan_term_months INTEGER;
ALTER TABLE dprd_approval ADD COLUMN plan_public_burden VARCHAR(2000);
