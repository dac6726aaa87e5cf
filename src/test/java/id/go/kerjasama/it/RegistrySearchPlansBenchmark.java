package id.go.kerjasama.it;

import com.fasterxml.jackson.databind.JsonNode;
import id.go.kerjasama.platform.identity.Organisations;
import id.go.kerjasama.platform.identity.UnitLevel;
import id.go.kerjasama.registry.AgreementAccess;
import id.go.kerjasama.registry.AgreementQuery;
import id.go.kerjasama.registry.AgreementSearch;
import id.go.kerjasama.registry.CooperationType;
import id.go.kerjasama.registry.Status;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The registry search and the Cockpit dashboard at {@code bench.registryTotal}
 * agreements (issue 15: 100,000; docs/performance.md "Run 13"). Seeds
 * {@code bench.agreements} rows through the real legacy import, then
 * multiplies the registry's rows with set-based SQL — each agreement and its
 * legacy key copied with a new id, registration number (the same
 * {@code KS-XX-YYYY-000042} form), legacy number, title topic, partner name,
 * document number and creation time, so the copies look like further imported
 * rows of {@link LegacyRows}; provinces, types, statuses and end dates keep the
 * imported spread. The process instances are not copied: the search and the
 * dashboard's registry figures read only {@code agreement} and
 * {@code agreement_legacy_key}.
 *
 * <p>Then, for the Fasker user (no visibility restriction) and the province
 * user of province 93: each typical search (a title word, a partner
 * fragment, registration/document/legacy number fragments, a short term,
 * with and without filters and sorting, a later page) is timed over REST as
 * users call it (p50/p95 of {@code bench.samples} requests, load average with
 * each figure), and the {@code EXPLAIN (ANALYZE, BUFFERS)} of its count and
 * page statements ({@link AgreementSearch#statements}: the legacy-number look-up it makes first is not
 * in the plans) is written to
 * {@code target/bench/registry/plans.md}; the same for the dashboard endpoint
 * and its registry statements. Figures in {@code report.md} beside it.
 *
 * <p>Run: {@code mvn -Pbench verify -Dbench.tests=**}{@code /RegistrySearchPlansBenchmark.java
 * -Dbench.agreements=500 -Dbench.samples=20}; the total with
 * {@code "-Dbench.jvmArgs=-Dbench.registryTotal=100000"} (the default); the plans without
 * this session's migration: add {@code -Dspring.flyway.target=67} to the JVM arguments.
 */
class RegistrySearchPlansBenchmark extends LifecycleWalkingTest {

  static final int AGREEMENTS = Integer.getInteger("bench.agreements", 500);
  static final int TOTAL = Integer.getInteger("bench.registryTotal", 100_000);
  static final int SAMPLES = Integer.getInteger("bench.samples", 20);
  static final String PROVINCE = "93";
  static final String TARGET = "p95 <= 100 ms at 100,000 agreements";

  /** Topics the copies' titles name, so that a title word matches some and not all. */
  static final String[] TOPICS = {"pengelolaan sampah", "pendidikan vokasi", "pariwisata bahari",
      "kesehatan ibu dan anak", "penyediaan air minum", "transportasi antarwilayah", "pertanian organik",
      "perikanan tangkap", "pemberdayaan UMKM", "energi terbarukan", "tata kelola pemerintahan",
      "penanggulangan bencana", "kebudayaan dan kesenian", "pengembangan kopi robusta", "kehutanan sosial",
      "ketahanan pangan", "pelatihan aparatur", "sister city", "promosi investasi", "kawasan perbatasan"};

  @Autowired
  Organisations organisations;
  @Autowired
  ProcessEngine engine;
  @Autowired
  DataSource dataSource;
  @Autowired
  AgreementSearch agreementSearch;

  private final BenchReport report = new BenchReport();
  private final StringBuilder plans = new StringBuilder();

  /** One search: its REST query string and the same query as the service gets it. */
  record Case(String name, String rest, AgreementQuery query, int page, int size) {
  }

  @Test
  void searchAndDashboard() throws Exception {
    report.parameter("agreementsImported", AGREEMENTS);
    report.parameter("registryTotal", TOTAL);
    report.parameter("samples", SAMPLES);
    report.parameter("flywayTarget", System.getProperty("spring.flyway.target", "latest"));
    String tag = seed();
    String fasker = userOf("fasker");
    String province = userOf("province-" + PROVINCE);

    report.load("copying the registry rows");
    long t0 = System.nanoTime();
    multiply(tag);
    report.machine("copySeconds", Math.round((System.nanoTime() - t0) / 1e9));
    JdbcTemplate jdbc = new JdbcTemplate(dataSource);
    long agreements = jdbc.queryForObject("SELECT count(*) FROM agreement", Long.class);
    long keys = jdbc.queryForObject("SELECT count(*) FROM agreement_legacy_key", Long.class);
    report.machine("rows.agreement", agreements);
    report.machine("rows.agreement_legacy_key", keys);
    String size = String.format(Locale.ROOT, "%,d agreements (%,d imported, copied with SQL)", agreements,
        AGREEMENTS);
    plans.append("# Registry search and dashboard plans\n\n").append(size).append("; flyway target ")
        .append(System.getProperty("spring.flyway.target", "latest")).append("\n\n");

    List<Case> cases = cases(tag, jdbc);
    List<String> provinceGroups = engine.getIdentityService().createGroupQuery().groupMember(province).list()
        .stream().map(org.camunda.bpm.engine.identity.Group::getId).toList();
    List<String> faskerGroups = engine.getIdentityService().createGroupQuery().groupMember(fasker).list()
        .stream().map(org.camunda.bpm.engine.identity.Group::getId).toList();
    search(fasker, "fasker", AgreementAccess.isCentral(faskerGroups) ? null : faskerGroups, cases, size, jdbc);
    search(province, "province-" + PROVINCE, AgreementAccess.isCentral(provinceGroups) ? null : provinceGroups,
        cases, size, jdbc);
    mine(province, size);
    dashboard(size, jdbc);

    Path dir = Path.of("target", "bench", "registry");
    report.write(dir);
    try {
      Files.writeString(dir.resolve("plans.md"), plans);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private List<Case> cases(String tag, JdbcTemplate jdbc) {
    String registration = jdbc.queryForObject(
        "SELECT registration_number FROM agreement ORDER BY id DESC OFFSET 777 LIMIT 1", String.class);
    String registrationFragment = registration.substring(registration.length() - 8); // "-0012345"-like tail
    List<Case> cases = new ArrayList<>();
    // KerjasamaBenchmark's six free texts, in the same order
    cases.add(text("title word common to 70 %: antardaerah", "antardaerah"));
    cases.add(text("KerjasamaBenchmark text: tag nomor 17", tag + " nomor 17"));
    cases.add(text("partner fragment: mitra 1234", "mitra 1234"));
    cases.add(text("two words: Jepang teknik", "Jepang teknik"));
    cases.add(text("two words: international ngo", "international ngo"));
    cases.add(text("document number with a slash: 180/77", "180/77"));
    // more typical searches
    cases.add(text("title topic: robusta", "robusta"));
    cases.add(text("title phrase words: air minum", "air minum"));
    cases.add(text("registration number fragment: " + registrationFragment, registrationFragment));
    cases.add(text("whole registration number", registration));
    cases.add(text("legacy number: " + tag + "/4321", tag + "/4321"));
    cases.add(text("short term (2 chars): 17", "17"));
    cases.add(text("no match: zzqx", "zzqx"));
    cases.add(new Case("text + status + sort: robusta ACTIVE by end date",
        "q=robusta&status=ACTIVE&sort=endDate,asc", query("robusta", null, List.of(Status.ACTIVE), List.of(),
        List.of("endDate", "asc")), 0, 20));
    cases.add(new Case("text + province filter: mitra, province 93", "q=mitra&province=" + PROVINCE,
        query("mitra", PROVINCE, List.of(), List.of(), List.of()), 0, 20));
    cases.add(new Case("text, page 3 of 50 by title desc: pemerintah", "q=pemerintah&page=3&size=50&sort=title,desc",
        query("pemerintah", null, List.of(), List.of(), List.of("title", "desc")), 3, 50));
    // filters without text (KerjasamaBenchmark's first ones)
    cases.add(new Case("no filter (first page)", "", query(null, null, List.of(), List.of(), List.of()), 0, 20));
    cases.add(new Case("type DALAM_NEGERI", "type=DALAM_NEGERI",
        query(null, null, List.of(), List.of(CooperationType.DALAM_NEGERI), List.of()), 0, 20));
    cases.add(new Case("province 93", "province=" + PROVINCE, query(null, PROVINCE, List.of(), List.of(), List.of()),
        0, 20));
    return cases;
  }

  private Case text(String name, String text) {
    // as typed: the test client encodes the query (an encoded %2F would arrive as the text "%2F")
    return new Case("free text, " + name, "q=" + text,
        query(text, null, List.of(), List.of(), List.of()), 0, 20);
  }

  private static AgreementQuery query(String text, String province, List<Status> statuses,
                                      List<CooperationType> types, List<String> sort) {
    return new AgreementQuery(types, List.of(), statuses, province, null, null, null, null, List.of(), List.of(),
        null, null, text, sort, null);
  }

  private void search(String user, String who, List<String> readerGroups, List<Case> cases, String size,
                      JdbcTemplate jdbc) {
    report.load("registry search as " + who);
    plans.append("## Search as ").append(who).append(readerGroups == null ? " (no restriction)"
        : " (groups " + readerGroups + ")").append("\n\n");
    List<Double> textMs = new ArrayList<>();
    for (Case c : cases) {
      String path = "/api/agreements?size=" + c.size() + (c.rest().isEmpty() ? "" : "&" + c.rest());
      List<Double> samples = new ArrayList<>();
      long found = 0;
      for (int i = 0; i <= SAMPLES; i++) {
        long t0 = System.nanoTime();
        JsonNode page = check(get(user, path), 200).json();
        if (i > 0) {
          samples.add(KerjasamaBenchmark.ms(t0));
        }
        found = page.get("totalItems").asLong();
      }
      if (cases.indexOf(c) < 6) {
        textMs.addAll(samples);
      }
      report.latency("search, " + who + ", " + c.name(), size + "; finds " + found, samples, null, TARGET,
          "load " + BenchReport.loadAverage());
      AgreementSearch.Statements sql = agreementSearch.statements(c.query(), readerGroups, c.page(), c.size());
      plans.append("### ").append(c.name()).append(" (finds ").append(found).append(")\n\n`GET ").append(path)
          .append("`\n\n");
      explain(jdbc, "count", sql.countSql(), sql.countParams());
      explain(jdbc, "page", sql.pageSql(), sql.pageParams());
    }
    report.latency("registry search, free text (KerjasamaBenchmark's six texts), " + who, size, textMs, null, TARGET,
        "load " + BenchReport.loadAverage());
  }

  /** The province user's "Kerja sama saya" with a text (MyAgreements: the same search, own agreements). */
  private void mine(String user, String size) {
    List<Double> samples = new ArrayList<>();
    for (int i = 0; i <= SAMPLES; i++) {
      long t0 = System.nanoTime();
      check(get(user, "/api/agreements/mine?size=20&q=" + (i % 2 == 0 ? "mitra" : "robusta")), 200);
      if (i > 0) {
        samples.add(KerjasamaBenchmark.ms(t0));
      }
    }
    report.latency("my agreements (mine) with text, province-" + PROVINCE, size, samples, null, TARGET,
        "q=mitra / q=robusta in turn; load " + BenchReport.loadAverage());
  }

  private void dashboard(String size, JdbcTemplate jdbc) throws Exception {
    report.load("dashboard");
    List<Double> samples = KerjasamaBenchmark.dashboardSamples(port, SAMPLES);
    report.latency("Cockpit dashboard (supervisors' page)", size, samples, null,
        "p95 <= 150 ms at 100,000 agreements", "load " + BenchReport.loadAverage());
    // the registry statements of AgreementFigures, as the dashboard sends them
    plans.append("## Dashboard (AgreementFigures)\n\n");
    Date today = Date.valueOf(TODAY);
    Date in12 = Date.valueOf(TODAY.plusMonths(12));
    String finals = java.util.Arrays.stream(Status.values()).filter(Status::isFinal).map(s -> "'" + s.name() + "'")
        .collect(Collectors.joining(", "));
    explain(jdbc, "countByPhaseTypeAndStatus",
        "SELECT phase, cooperation_type, status, COUNT(*) AS n FROM agreement GROUP BY phase, cooperation_type, status",
        List.of());
    explain(jdbc, "countRunningByProvinces", "SELECT proposer_province, location_provinces, COUNT(*) AS n FROM "
        + "agreement WHERE status NOT IN (" + finals + ") GROUP BY proposer_province, location_provinces", List.of());
    explain(jdbc, "countActiveEnding", "SELECT COUNT(*) FROM agreement WHERE status = ? AND end_date >= ? AND "
        + "end_date <= ?", List.of("ACTIVE", today, in12));
    explain(jdbc, "activeEnding", "SELECT id, registration_number, cooperation_type, title, status, status_reason, "
        + "proposer_province, location_provinces, end_date FROM agreement WHERE status = ? AND end_date >= ? AND "
        + "end_date <= ? ORDER BY end_date, id LIMIT 10", List.of("ACTIVE", today, in12));
    explain(jdbc, "countTasksDueBeforeByProvinces", "SELECT a.proposer_province, a.location_provinces, COUNT(*) AS n "
        + "FROM ACT_RU_TASK t LEFT JOIN ACT_RU_EXECUTION e ON e.ID_ = t.PROC_INST_ID_ LEFT JOIN agreement a ON "
        + "a.registration_number = e.BUSINESS_KEY_ WHERE t.DUE_DATE_ < now() GROUP BY a.proposer_province, "
        + "a.location_provinces", List.of());
  }

  private void explain(JdbcTemplate jdbc, String what, String sql, List<Object> params) {
    List<String> plan = jdbc.query("EXPLAIN (ANALYZE, BUFFERS) " + sql, (rs, i) -> rs.getString(1),
        params.toArray());
    plans.append("#### ").append(what).append("\n\n```sql\n").append(sql).append("\n```\n\nparameters: ")
        .append(params).append("\n\n```\n").append(String.join("\n", plan)).append("\n```\n\n");
  }

  // --- seeding ---

  private String seed() {
    String tag = "rs" + UUID.randomUUID().toString().substring(0, 6).toLowerCase(Locale.ROOT);
    List<String> provinces = organisations.byLevel(UnitLevel.PROVINCE).stream()
        .map(u -> u.group().substring("province-".length())).toList();
    LegacyRows rows = new LegacyRows(tag, provinces, TODAY);
    report.load("import of " + AGREEMENTS + " rows");
    importRows(rows, tag, AGREEMENTS);
    return tag;
  }

  /**
   * Copies the imported agreements (those with a legacy number {@code tag/i})
   * and their legacy keys until the registry holds {@link #TOTAL} rows: copy
   * {@code n} of row {@code i} is row {@code j = i + n * AGREEMENTS} of the
   * same generator, with a fresh id and registration number, legacy number
   * {@code tag/j}, partner {@code ... j}, document number {@code .../j/...}, a
   * title naming one of {@link #TOPICS}, and a creation time {@code n}
   * minutes earlier.
   */
  private void multiply(String tag) {
    JdbcTemplate jdbc = new JdbcTemplate(dataSource);
    long existing = jdbc.queryForObject("SELECT count(*) FROM agreement", Long.class);
    long imported = jdbc.queryForObject("SELECT count(*) FROM agreement_legacy_key WHERE legacy_number LIKE ?",
        Long.class, tag + "/%");
    int copies = (int) Math.max(0, (TOTAL - existing + imported - 1) / imported);
    report.parameter("copies", copies);
    String topics = java.util.Arrays.stream(TOPICS).map(t -> "'" + t + "'").collect(Collectors.joining(", "));
    jdbc.execute("DROP TABLE IF EXISTS bench_registry_copy");
    jdbc.execute("CREATE TABLE bench_registry_copy AS SELECT k.agreement_id AS src, n, "
        + "split_part(k.legacy_number, '/', 2)::int + n * " + AGREEMENTS + " AS j, "
        + "nextval(pg_get_serial_sequence('agreement', 'id')) AS nid "
        + "FROM agreement_legacy_key k, generate_series(1, " + copies + ") AS n WHERE k.legacy_number LIKE '" + tag
        + "/%' ORDER BY n, k.agreement_id");
    List<String> columns = jdbc.queryForList("SELECT column_name FROM information_schema.columns "
        + "WHERE table_schema = current_schema() AND table_name = 'agreement' AND is_generated = 'NEVER' "
        + "ORDER BY ordinal_position",
        String.class);
    String select = columns.stream().map(c -> switch (c) {
      case "id" -> "c.nid";
      case "registration_number" -> "regexp_replace(a.registration_number, '[0-9]+$', lpad(c.nid::text, 6, '0'))";
      case "title" -> "regexp_replace(a.title, ' nomor [0-9]+$', ' bidang ' || (ARRAY[" + topics + "])[1 + c.j % "
          + TOPICS.length + "] || ' nomor ' || c.j)";
      case "partner_name" -> "regexp_replace(a.partner_name, '[0-9]+$', c.j::text)";
      case "document_number" -> "regexp_replace(a.document_number, '^([A-Z0-9]+)/[0-9]+/', '\\1/' || c.j || '/')";
      case "created_at", "updated_at" -> "a." + c + " - c.n * interval '1 minute'";
      default -> "a." + c;
    }).collect(Collectors.joining(", "));
    jdbc.execute("INSERT INTO agreement (" + String.join(", ", columns) + ") SELECT " + select
        + " FROM bench_registry_copy c JOIN agreement a ON a.id = c.src");
    jdbc.execute("INSERT INTO agreement_legacy_key (agreement_id, legacy_number, proposer_unit, import_id, line_no) "
        + "SELECT c.nid, '" + tag + "/' || c.j, k.proposer_unit, k.import_id, k.line_no "
        + "FROM bench_registry_copy c JOIN agreement_legacy_key k ON k.agreement_id = c.src");
    jdbc.execute("DROP TABLE bench_registry_copy");
    jdbc.execute("VACUUM ANALYZE agreement");
    jdbc.execute("VACUUM ANALYZE agreement_legacy_key");
  }
}
