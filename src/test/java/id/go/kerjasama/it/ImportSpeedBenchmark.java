package id.go.kerjasama.it;

import id.go.kerjasama.platform.identity.Organisations;
import id.go.kerjasama.platform.identity.UnitLevel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import javax.sql.DataSource;
import org.apache.ibatis.executor.Executor;
import org.apache.ibatis.mapping.MappedStatement;
import org.apache.ibatis.plugin.Interceptor;
import org.apache.ibatis.plugin.Intercepts;
import org.apache.ibatis.plugin.Invocation;
import org.apache.ibatis.plugin.Signature;
import org.apache.ibatis.session.ResultHandler;
import org.apache.ibatis.session.RowBounds;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The legacy import's speed alone (docs/performance.md "Run 12"): boots the application as the benchmark
 * does, then imports {@code bench.importFiles} generated files of {@code bench.importChunk} rows
 * ({@link LegacyRows}) one after the other inside their upload requests, and prints the request time
 * of each with the load average. With {@code -Dbench.countSql=true} it also counts, per imported row, the
 * engine's SQL statements by MyBatis statement (an interceptor) and the rows PostgreSQL inserted and updated
 * per table ({@code pg_stat_user_tables}); the counting costs time itself, so those runs are not timed.
 *
 * <p>Run: {@code mvn -o -B -Pbench verify -Dbench.tests=**}{@code /ImportSpeedBenchmark.java
 * "-Dbench.jvmArgs=-Dbench.importFiles=4"}.
 */
class ImportSpeedBenchmark extends LifecycleWalkingTest {

  static final int FILES = Integer.getInteger("bench.importFiles", 4);
  static final int ROWS = Integer.getInteger("bench.importChunk", 1614);
  static final boolean COUNT_SQL = Boolean.getBoolean("bench.countSql");

  @Autowired
  Organisations organisations;
  @Autowired
  ProcessEngine engine;
  @Autowired
  DataSource dataSource;

  @Test
  void importSpeed() throws Exception {
    String tag = "is" + UUID.randomUUID().toString().substring(0, 6).toLowerCase(Locale.ROOT);
    List<String> provinces = organisations.byLevel(UnitLevel.PROVINCE).stream()
        .map(u -> u.group().substring("province-".length())).toList();
    LegacyRows rows = new LegacyRows(tag, provinces, TODAY);
    JdbcTemplate jdbc = new JdbcTemplate(dataSource);
    StatementCounter counter = COUNT_SQL ? StatementCounter.install(engine) : null;
    StringBuilder out = new StringBuilder();
    out.append("# Import speed\n\nasync continuations: ")
        .append(System.getProperty("kerjasama.engine.async-continuations", "(default)"))
        .append("; import threads: ").append(System.getProperty("kerjasama.legacy-import.threads", "(default)"))
        .append("; reWriteBatchedInserts: ").append(System.getProperty(
            "spring.datasource.hikari.data-source-properties.reWriteBatchedInserts", "(default)"))
        .append("; rows per file ").append(ROWS).append("; CPUs ").append(Runtime.getRuntime().availableProcessors())
        .append("\n\n| file | seconds | rows/s | CPU s: JVM + PostgreSQL | load before | load after |\n"
            + "|---|---|---|---|---|---|\n");
    long postmaster = postmaster(jdbc);
    List<Double> seconds = new ArrayList<>();
    for (int f = 0; f < FILES; f++) {
      LegacyCsvFile csv = new LegacyCsvFile();
      for (int i = f * ROWS; i < (f + 1) * ROWS; i++) {
        rows.add(csv, i);
      }
      Map<String, long[]> tablesBefore = COUNT_SQL ? tables(jdbc) : null;
      if (counter != null) {
        counter.reset();
      }
      java.sql.Timestamp fileStart = COUNT_SQL ? jdbc.queryForObject("SELECT now()", java.sql.Timestamp.class) : null;
      String loadBefore = load();
      long jvmCpu0 = jvmCpu();
      long pgCpu0 = childrenCpu(postmaster);
      long t0 = System.nanoTime();
      var answer = check(upload(ADMIN, "/api/admin/imports", tag + "-" + f + ".csv", csv.bytes()), 200).json();
      double s = (System.nanoTime() - t0) / 1e9;
      double jvmCpu = (jvmCpu() - jvmCpu0) / 1e9;
      double pgCpu = (childrenCpu(postmaster) - pgCpu0) / 100.0;
      if (answer.get("importedRows").asInt() != ROWS) {
        throw new AssertionError("imported " + answer.get("importedRows") + " of " + ROWS + ": " + answer);
      }
      seconds.add(s);
      String line = String.format(Locale.ROOT, "| %d | %.1f | %.1f | %.1f + %.1f | %s | %s |", f + 1, s, ROWS / s,
          jvmCpu, pgCpu, loadBefore,
          load());
      System.out.println("[import-speed] " + line);
      out.append(line).append('\n');
      if (counter != null) {
        out.append("\nengine statements per row (file ").append(f + 1).append("):\n\n")
            .append(counter.perRow(ROWS)).append('\n');
        out.append("rows written per imported row, by table (inserted / updated / deleted):\n\n")
            .append(tableDelta(tablesBefore, tables(jdbc), ROWS)).append('\n');
        out.append("variables written per imported row, by process and name (historic variable instances"
            + " / their updates):\n\n").append(variables(jdbc, fileStart, ROWS)).append('\n');
      }
    }
    System.out.println(out);
    Path dir = Path.of("target", "bench");
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("import-speed.md"), out);
  }

  /** CPU time of this JVM, ns. */
  private static long jvmCpu() {
    return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
        .getOperatingSystemMXBean()).getProcessCpuTime();
  }

  /** The PostgreSQL server's main process: the parent of this connection's backend. */
  private static long postmaster(JdbcTemplate jdbc) throws Exception {
    int backend = jdbc.queryForObject("SELECT pg_backend_pid()", Integer.class);
    return Long.parseLong(stat(backend)[1]);
  }

  /** The fields of /proc/pid/stat after the command's closing parenthesis (state is [0], ppid [1]). */
  private static String[] stat(long pid) throws Exception {
    String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
    return stat.substring(stat.lastIndexOf(')') + 2).split(" ");
  }

  /**
   * CPU time (clock ticks, 1/100 s) of the server's backends alive now plus what its ended children used
   * (cutime/cstime of the main process).
   */
  private static long childrenCpu(long postmaster) {
    long ticks = 0;
    try (var dirs = Files.list(Path.of("/proc"))) {
      for (Path dir : (Iterable<Path>) dirs::iterator) {
        String name = dir.getFileName().toString();
        if (!name.chars().allMatch(Character::isDigit)) {
          continue;
        }
        try {
          String[] f = stat(Long.parseLong(name));
          if (Long.parseLong(name) == postmaster) {
            ticks += Long.parseLong(f[11]) + Long.parseLong(f[12]) + Long.parseLong(f[13]) + Long.parseLong(f[14]);
          } else if (Long.parseLong(f[1]) == postmaster) {
            ticks += Long.parseLong(f[11]) + Long.parseLong(f[12]);
          }
        } catch (Exception gone) {
          // the process ended meanwhile
        }
      }
    } catch (Exception e) {
      return 0;
    }
    return ticks;
  }

  private static String load() {
    try {
      String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
      return parts[0] + " " + parts[1] + " " + parts[2];
    } catch (Exception e) {
      return "?";
    }
  }

  /**
   * Which variables the file's rows wrote, per row: by the process definition that holds them and by name,
   * from the history (one historic instance per variable, its updates from the history detail).
   */
  private static String variables(JdbcTemplate jdbc, java.sql.Timestamp since, int rows) {
    StringBuilder sb = new StringBuilder();
    jdbc.query("SELECT v.proc_def_key_, v.name_, count(*),"
        + " (SELECT count(*) FROM act_hi_detail d WHERE d.var_inst_id_ = ANY (array_agg(v.id_)))"
        + " FROM act_hi_varinst v WHERE v.create_time_ >= ? GROUP BY v.proc_def_key_, v.name_"
        + " ORDER BY v.proc_def_key_, count(*) DESC, v.name_", rs -> {
          sb.append(String.format(Locale.ROOT, "- %s %s: %.2f / %.2f%n", rs.getString(1), rs.getString(2),
              rs.getLong(3) / (double) rows, rs.getLong(4) / (double) rows));
        }, since);
    return sb.toString();
  }

  private static Map<String, long[]> tables(JdbcTemplate jdbc) {
    // the statistics are sent by the backends at the end of their transactions, a moment later
    try {
      Thread.sleep(1_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    Map<String, long[]> t = new TreeMap<>();
    jdbc.query("SELECT pg_stat_clear_snapshot()", rs -> { });
    jdbc.query("SELECT relname, n_tup_ins, n_tup_upd, n_tup_del, seq_scan, seq_tup_read, COALESCE(idx_scan, 0)"
        + " FROM pg_stat_user_tables", rs -> {
      t.put(rs.getString(1), new long[] {rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6), rs.getLong(7)});
    });
    return t;
  }

  private static String tableDelta(Map<String, long[]> before, Map<String, long[]> after, int rows) {
    StringBuilder sb = new StringBuilder();
    double[] sum = new double[3];
    for (var e : after.entrySet()) {
      long[] b = before.getOrDefault(e.getKey(), new long[6]);
      long[] a = e.getValue();
      if (java.util.Arrays.equals(a, b)) {
        continue;
      }
      sb.append(String.format(Locale.ROOT, "- %s: %.2f / %.2f / %.2f; sequential scans %d reading %d rows,"
          + " index scans %d%n", e.getKey(), (a[0] - b[0]) / (double) rows, (a[1] - b[1]) / (double) rows,
          (a[2] - b[2]) / (double) rows, a[3] - b[3], a[4] - b[4], a[5] - b[5]));
      for (int i = 0; i < 3; i++) {
        sum[i] += (a[i] - b[i]) / (double) rows;
      }
    }
    sb.append(String.format(Locale.ROOT, "- all tables: %.2f / %.2f / %.2f%n", sum[0], sum[1], sum[2]));
    return sb.toString();
  }

  /** Counts the engine's statements by MyBatis statement id. */
  @Intercepts({
      @Signature(type = Executor.class, method = "query",
          args = {MappedStatement.class, Object.class, RowBounds.class, ResultHandler.class}),
      @Signature(type = Executor.class, method = "update", args = {MappedStatement.class, Object.class})})
  static final class StatementCounter implements Interceptor {

    private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();

    static StatementCounter install(ProcessEngine engine) {
      StatementCounter counter = new StatementCounter();
      ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getSqlSessionFactory()
          .getConfiguration().addInterceptor(counter);
      return counter;
    }

    void reset() {
      counts.clear();
    }

    String perRow(int rows) {
      StringBuilder sb = new StringBuilder();
      long total = 0;
      List<Map.Entry<String, LongAdder>> sorted = new ArrayList<>(counts.entrySet());
      sorted.sort((a, b) -> Long.compare(b.getValue().sum(), a.getValue().sum()));
      for (var e : sorted) {
        total += e.getValue().sum();
        sb.append(String.format(Locale.ROOT, "- %s: %.2f%n", e.getKey(), e.getValue().sum() / (double) rows));
      }
      sb.append(String.format(Locale.ROOT, "- all engine statements: %.2f%n", total / (double) rows));
      return sb.toString();
    }

    @Override
    public Object intercept(Invocation invocation) throws Throwable {
      MappedStatement ms = (MappedStatement) invocation.getArgs()[0];
      counts.computeIfAbsent(ms.getId(), k -> new LongAdder()).increment();
      return invocation.proceed();
    }

    @Override
    public Object plugin(Object target) {
      return Interceptor.super.plugin(target);
    }

    @Override
    public void setProperties(Properties properties) {
    }
  }
}
