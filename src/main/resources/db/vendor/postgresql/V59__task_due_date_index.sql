-- Tasklist's shared filters "Terlambat" (due before now) and "Jatuh tempo minggu ini"
-- (due within seven days) ask ACT_RU_TASK for a due-date range. Camunda has no index on
-- DUE_DATE_, so both read every open task: 44 ms for a count that finds nothing at
-- 30,000 open tasks on the build machine (docs/performance.md "Run 8"). With this
-- index the range is read from the index; the filters' answers do not change.
-- ACT_* exist before Flyway runs (see V58).
CREATE INDEX IF NOT EXISTS kerjasama_idx_task_due_date ON act_ru_task (due_date_);
