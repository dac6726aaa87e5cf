-- A foreign NGO drafts its annual work plan (RKT) per location region, and
-- each region agrees and co-signs its own (issue 12; docs/processes.md
-- "Annual work plan", docs/regulations.md A19, A20, A30). A regional RKT is a
-- work_plan row naming its region; versions stay numbered per agreement and
-- budget year across the regions, so the existing unique key holds. NULL: a
-- plan for every location of the agreement (every other cooperation).
ALTER TABLE work_plan ADD COLUMN region_group VARCHAR(64);
