package id.go.kerjasama.it;

import com.fasterxml.jackson.databind.JsonNode;
import id.go.kerjasama.platform.identity.Organisations;
import id.go.kerjasama.platform.identity.UnitLevel;
import id.go.kerjasama.platform.notification.NotifiedVariables;
import id.go.kerjasama.platform.security.ProvenReadsStatements;
import id.go.kerjasama.platform.tasklist.TasklistFilters;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The Tasklist filters' SQL at a realistic number of open tasks
 * (docs/performance.md "Run 8"): seeds {@code bench.agreements} agreements
 * through the real legacy import, then multiplies the running instances
 * ({@code bench.taskCopies} copies of every execution, open task, task
 * identity link, runtime variable and instance/task authorization, ids
 * suffixed, so each copy has the shape of a real imported one), and for each
 * shared filter, as a province user and as Fasker, times list + count over
 * REST (as {@link KerjasamaBenchmark} does) and writes the {@code EXPLAIN (ANALYZE, BUFFERS)} of every query those
 * two requests made (the list asked as Tasklist asks, HAL with the card variables) ({@link SqlPlanRecorder}) to
 * {@code target/bench/plans/plans.md}.
 *
 * <p>Run: {@code mvn -Pbench verify -Dbench.tests=**}{@code /TasklistFilterPlansBenchmark.java
 * -Dbench.agreements=300 "-Dbench.jvmArgs=-Dbench.taskCopies=120"}; without the indexes of
 * V58–V60 add {@code -Dspring.flyway.target=57} to the JVM arguments (a fresh database).
 */
class TasklistFilterPlansBenchmark extends LifecycleWalkingTest {

  static final int AGREEMENTS = Integer.getInteger("bench.agreements", 300);
  static final int COPIES = Integer.getInteger("bench.taskCopies", 120);
  static final int SAMPLES = Integer.getInteger("bench.samples", 20);
  static final String PROVINCE = "93";

  @Autowired
  Organisations organisations;
  @Autowired
  ProcessEngine engine;
  @Autowired
  DataSource dataSource;

  private final BenchReport report = new BenchReport();
  private final StringBuilder plans = new StringBuilder();

  @Test
  void plans() throws Exception {
    report.parameter("agreements", AGREEMENTS);
    report.parameter("taskCopies", COPIES);
    report.parameter("samples", SAMPLES);
    report.parameter("flywayTarget", System.getProperty("spring.flyway.target", "latest"));
    report.parameter("authorizationCheckRevokes",
        System.getProperty("camunda.bpm.generic-properties.properties.authorization-check-revokes", "auto"));
    seed();
    String fasker = userOf("fasker");
    String province = userOf("province-" + PROVINCE);

    report.load("copying the running instances");
    long t0 = System.nanoTime();
    multiply(COPIES);
    report.machine("copySeconds", Math.round((System.nanoTime() - t0) / 1e9));
    JdbcTemplate jdbc = new JdbcTemplate(dataSource);
    long openTasks = jdbc.queryForObject("SELECT count(*) FROM act_ru_task", Long.class);
    String size = String.format(Locale.ROOT, "%,d open tasks (%,d agreements imported, x%d copies)", openTasks,
        AGREEMENTS, COPIES + 1);
    for (String table : List.of("act_ru_task", "act_ru_identitylink", "act_ru_authorization", "act_ru_variable",
        "act_ru_execution")) {
      report.machine("rows." + table, jdbc.queryForObject("SELECT count(*) FROM " + table, Long.class));
    }
    plans.append("# Tasklist filter plans\n\n").append(size).append("; flyway target ")
        .append(System.getProperty("spring.flyway.target", "latest")).append("\n\n");

    SqlPlanRecorder recorder = SqlPlanRecorder.install(engine);
    report.load("tasklist filters");
    filters(province, "province-" + PROVINCE, size, recorder);
    filters(fasker, "fasker", size, recorder);
    Path dir = Path.of("target", "bench", "plans");
    report.write(dir);
    try {
      Files.writeString(dir.resolve("plans.md"), plans);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void filters(String user, String who, String size, SqlPlanRecorder recorder) {
    JsonNode filters = check(get(user, "/engine-rest/filter?resourceType=Task"), 200).json();
    for (JsonNode filter : filters) {
      String name = filter.get("name").asText();
      String id = filter.get("id").asText();
      List<Double> samples = new ArrayList<>();
      long results = 0;
      for (int i = 0; i <= SAMPLES; i++) {
        long t0 = System.nanoTime();
        list(user, id);
        results = count(user, id);
        if (i > 0) {
          samples.add(KerjasamaBenchmark.ms(t0));
        }
      }
      report.latency("Tasklist filter \"" + name + "\" list + count, " + who, size + "; the filter finds "
          + results, samples, null, "p95 <= 100 ms at >= 30,000 open tasks", null);
      recorder.start();
      halList(user, id);
      List<SqlPlanRecorder.Plan> listPlans = recorder.stop();
      recorder.start();
      count(user, id);
      List<SqlPlanRecorder.Plan> countPlans = recorder.stop();
      plans.append("## ").append(name).append(", ").append(who).append(" (finds ").append(results).append(")\n\n");
      append("list", listPlans);
      append("count", countPlans);
      if (TasklistFilters.GROUP_TASKS.equals(name)) {
        proofPlans(user, id);
      }
    }
  }

  /**
   * The plans of the statements the authorization manager sends to prove that
   * a check can be left out (platform/security ProvenReads; docs/performance.md
   * "Run 10"), for this user's groups and the card variables of the first 15
   * tasks the filter lists. They run over JDBC, not MyBatis, so the recorder
   * does not see them.
   */
  private void proofPlans(String user, String filterId) {
    List<String> groups = engine.getIdentityService().createGroupQuery().groupMember(user).list().stream()
        .map(org.camunda.bpm.engine.identity.Group::getId).toList();
    List<String> scopes = new ArrayList<>();
    for (JsonNode task : check(post(user, "/engine-rest/filter/" + filterId + "/list?firstResult=0&maxResults=15",
        Map.of("sorting", List.of(Map.of("sortBy", "dueDate", "sortOrder", "asc")))), 200).json()) {
      for (String field : List.of("id", "executionId", "processInstanceId")) {
        if (task.hasNonNull(field) && !scopes.contains(task.get(field).asText())) {
          scopes.add(task.get(field).asText());
        }
      }
    }
    List<String> names = List.of(NotifiedVariables.REGISTRATION_NUMBER, TasklistFilters.COOPERATION_TITLE,
        TasklistFilters.PROPOSER_NAME);
    JdbcTemplate jdbc = new JdbcTemplate(dataSource);
    for (ProvenReadsStatements.Statement statement : ProvenReadsStatements.forTasklist(user, groups, scopes, names)) {
      List<String> plan = jdbc.query("EXPLAIN (ANALYZE, BUFFERS) " + statement.sql(),
          (rs, i) -> rs.getString(1), statement.parameters().toArray());
      plans.append("### proof: ").append(statement.name()).append("\n\n```sql\n").append(statement.sql())
          .append("\n```\n\n```\n").append(String.join("\n", plan)).append("\n```\n\n");
    }
  }

  private void append(String what, List<SqlPlanRecorder.Plan> recorded) {
    for (SqlPlanRecorder.Plan p : recorded) {
      plans.append("### ").append(what).append(": ").append(p.statementId()).append("\n\n```sql\n")
          .append(p.sql()).append("\n```\n\n```\n").append(String.join("\n", p.plan())).append("\n```\n\n");
    }
  }

  private void list(String user, String filterId) {
    check(post(user, "/engine-rest/filter/" + filterId + "/list?firstResult=0&maxResults=15",
        Map.of("sorting", List.of(Map.of("sortBy", "dueDate", "sortOrder", "asc")))), 200);
  }

  /** The list as Tasklist asks for it (HAL): with the card variables of the listed tasks' instances. */
  private void halList(String user, String filterId) {
    client(user, PASSWORD).post().uri("/engine-rest/filter/" + filterId + "/list?firstResult=0&maxResults=15")
        .contentType(MediaType.APPLICATION_JSON).accept(MediaType.parseMediaType("application/hal+json"))
        .body(Map.of("sorting", List.of(Map.of("sortBy", "dueDate", "sortOrder", "asc"))))
        .retrieve().toBodilessEntity();
  }

  private long count(String user, String filterId) {
    return check(get(user, "/engine-rest/filter/" + filterId + "/count"), 200).json().get("count").asLong();
  }

  // --- seeding ---

  private void seed() {
    String tag = "pl" + UUID.randomUUID().toString().substring(0, 6).toLowerCase(Locale.ROOT);
    List<String> provinces = organisations.byLevel(UnitLevel.PROVINCE).stream()
        .map(u -> u.group().substring("province-".length())).toList();
    LegacyRows rows = new LegacyRows(tag, provinces, TODAY);
    report.load("import of " + AGREEMENTS + " rows");
    importRows(rows, tag, AGREEMENTS);
  }

  /**
   * Copies every running execution with its open tasks, their identity links,
   * the runtime variables and the instance and task authorizations
   * {@code copies} times, each id suffixed with {@code -c<n>} — what
   * {@code copies} more imports of the same rows would have left in these
   * tables, without their jobs and history (which the filters do not read).
   */
  private void multiply(int copies) {
    JdbcTemplate jdbc = new JdbcTemplate(dataSource);
    copy(jdbc, "act_ru_execution", List.of("id_", "root_proc_inst_id_", "proc_inst_id_", "parent_id_", "super_exec_"),
        "true", copies);
    copy(jdbc, "act_ru_task", List.of("id_", "execution_id_", "proc_inst_id_", "parent_task_id_"), "true", copies);
    copy(jdbc, "act_ru_identitylink", List.of("id_", "task_id_"), "task_id_ IS NOT NULL", copies);
    copy(jdbc, "act_ru_variable", List.of("id_", "execution_id_", "proc_inst_id_", "task_id_", "var_scope_"),
        "execution_id_ IS NOT NULL AND batch_id_ IS NULL", copies);
    copy(jdbc, "act_ru_authorization", List.of("id_", "resource_id_", "root_proc_inst_id_"),
        "resource_type_ IN (7, 8) AND resource_id_ <> '*'", copies);
    jdbc.execute("ANALYZE");
  }

  private static void copy(JdbcTemplate jdbc, String table, List<String> ids, String where, int copies) {
    List<String> columns = jdbc.queryForList("SELECT column_name FROM information_schema.columns "
        + "WHERE table_schema = current_schema() AND table_name = ? ORDER BY ordinal_position", String.class, table);
    String select = columns.stream()
        .map(c -> ids.contains(c) ? c + " || '-c' || n" : c)
        .collect(Collectors.joining(", "));
    jdbc.execute("INSERT INTO " + table + " (" + String.join(", ", columns) + ") SELECT " + select + " FROM "
        + table + ", generate_series(1, " + copies + ") AS n WHERE " + where);
  }
}
