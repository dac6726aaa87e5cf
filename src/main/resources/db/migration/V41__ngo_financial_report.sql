-- A foreign NGO files its own reports (issue 12; docs/regulations.md A20) and
-- attaches a financial report to each annual report: the sources, amounts and
-- uses of its funds (UU 17/2013 art. 51(e), verified; the form of the report
-- is assumption A17). NULL for every other report.
ALTER TABLE progress_report ADD COLUMN financial_report VARCHAR(4000);
