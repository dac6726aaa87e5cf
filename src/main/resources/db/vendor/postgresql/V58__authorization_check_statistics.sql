-- Planner statistics for Camunda's authorization check (docs/performance.md "Run 8").
--
-- Every task query of a user who is not an administrator joins
-- (SELECT A.* FROM ACT_RU_AUTHORIZATION A WHERE ... AND A.PERMS_ & ? = ?)
-- on AUTH.RESOURCE_ID_ IN (RES.ID_, D.KEY_, '*'). PostgreSQL has no statistics for
-- PERMS_ & 2 (READ) or PERMS_ & 64 (READ_TASK), guesses 0.5 % for each, and so
-- expected 3 authorization rows where 2,422 matched. With statistics on the two
-- expressions (PostgreSQL 14: statistics on an expression) and on how group,
-- resource type and type go together, it expects 650. The plan of the group
-- filter stays a nested loop (the join is an OR over three columns, which no
-- statistics or index turns into a hash join), but every authorization check's
-- estimate is no longer off by two orders of magnitude.
--
-- Camunda creates ACT_* at engine start, before Flyway runs (the engine is built
-- before the Flyway initializer); a fresh database's start-up would fail here
-- if that order ever changed, which every integration test would show.
CREATE STATISTICS IF NOT EXISTS kerjasama_auth_perms_read ON (perms_ & 2) FROM act_ru_authorization;
CREATE STATISTICS IF NOT EXISTS kerjasama_auth_perms_read_task ON (perms_ & 64) FROM act_ru_authorization;
CREATE STATISTICS IF NOT EXISTS kerjasama_auth_group_resource (dependencies, mcv)
  ON group_id_, resource_type_, type_ FROM act_ru_authorization;
ANALYZE act_ru_authorization;
