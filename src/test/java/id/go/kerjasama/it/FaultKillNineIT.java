package id.go.kerjasama.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Fault suite (issue 14, {@code -Pfault}, docs/reliability.md): the application as a process of its own
 * ({@code java -cp <the test class path> id.go.kerjasama.KerjasamaApplication}, profile {@code postgres}, on the
 * test's embedded PostgreSQL), killed with SIGKILL ({@link Process#destroyForcibly()}) in the middle of a legacy
 * import, then started again on the same database: the import left behind is marked INTERRUPTED with the rows
 * it did, and a re-import of the same file brings every agreement in exactly once. Province 13 (Sumatera
 * Barat) and its city Padang (1371).
 */
class FaultKillNineIT {

  static final int ROWS = Integer.getInteger("fault.kill.rows", 600);
  static final ObjectMapper JSON = new ObjectMapper();
  static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  Process application;
  int port;

  @AfterEach
  void kill() {
    if (application != null) {
      application.destroyForcibly();
    }
  }

  @Test
  void anImportKilledMidwayIsMarkedInterruptedAndTheReimportBringsEveryRowInOnce() throws Exception {
    String url = EmbeddedPostgresDatabase.createFreshDatabase("kerjasama_kill_nine");
    String tag = "k9" + UUID.randomUUID().toString().substring(0, 6);
    LegacyCsvFile csv = new LegacyCsvFile();
    LocalDate today = LocalDate.now(java.time.ZoneId.of("Asia/Jakarta"));
    for (int i = 0; i < ROWS; i++) {
      LocalDate start = today.minusDays(30 + (i * 37L) % 1400);
      String proposer = i % 3 == 0 ? "1371" : "13";
      csv.row(tag + "/" + i, "DALAM_NEGERI", "Kerja sama antardaerah " + tag + " nomor " + i,
          "Pemerintah Daerah Mitra " + i, "Indonesia", proposer, "13", "EKONOMI;PENDIDIKAN", i % 7 == 0 ? "NK" : "PKS",
          "180/" + i + "/KSDN/" + start.getYear(), start, start, start.plusYears(1 + i % 5).minusDays(1));
    }
    byte[] file = csv.bytes();

    start(url, "first");
    CompletableFuture<Integer> first = CompletableFuture.supplyAsync(() -> importFile(file).statusCode());
    long deadline = System.currentTimeMillis() + 120_000;
    int before;
    while ((before = count(url, "SELECT COUNT(*) FROM agreement_legacy_key")) < ROWS / 10
        && System.currentTimeMillis() < deadline) {
      Thread.sleep(50);
    }
    assertThat(before).as("rows imported before the kill").isGreaterThanOrEqualTo(ROWS / 10).isLessThan(ROWS);
    application.destroyForcibly().waitFor();
    int atKill = count(url, "SELECT COUNT(*) FROM agreement_legacy_key");
    assertThat(atKill).as("the import was killed midway").isLessThan(ROWS);
    assertThat(first.handle((status, error) -> status).get()).as("the first import's answer").isNull();

    start(url, "second");
    // the watch at start-up closes what the killed process left (stale after 6 s, see start())
    long closeBy = System.currentTimeMillis() + 30_000;
    while (count(url, "SELECT COUNT(*) FROM legacy_import WHERE status = 'RUNNING'") > 0
        && System.currentTimeMillis() < closeBy) {
      Thread.sleep(500);
    }
    assertThat(count(url, "SELECT COUNT(*) FROM legacy_import WHERE status = 'INTERRUPTED'")).isEqualTo(1);
    assertThat(count(url, "SELECT COUNT(*) FROM legacy_import WHERE status = 'RUNNING'")).isZero();

    HttpResponse<String> again = importFile(file);
    assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
    JsonNode report = JSON.readTree(again.body());
    int imported = report.get("importedRows").asInt();
    assertThat(report.get("rejectedRows").asInt()).isZero();
    assertThat(imported).as("the re-import imports only what the killed one had not").isEqualTo(ROWS - atKill);

    int keys = count(url, "SELECT COUNT(*) FROM agreement_legacy_key WHERE legacy_number LIKE '" + tag + "/%'");
    int distinct = count(url, "SELECT COUNT(DISTINCT legacy_number) FROM agreement_legacy_key WHERE legacy_number"
        + " LIKE '" + tag + "/%'");
    int agreements = count(url, "SELECT COUNT(*) FROM agreement WHERE title LIKE 'Kerja sama antardaerah " + tag
        + " nomor %'");
    String ours = "business_key_ IN (SELECT registration_number FROM agreement WHERE title LIKE 'Kerja sama"
        + " antardaerah " + tag + " nomor %')";
    int lifecycles = count(url, "SELECT COUNT(*) FROM act_hi_procinst WHERE proc_def_key_ = 'cooperation-lifecycle'"
        + " AND " + ours);
    int doubledLifecycles = count(url, "SELECT COUNT(*) FROM (SELECT business_key_ FROM act_hi_procinst WHERE"
        + " proc_def_key_ = 'cooperation-lifecycle' AND " + ours + " GROUP BY business_key_ HAVING COUNT(*) > 1) d");
    System.out.println("[kill -9] " + ROWS + " rows; killed after " + atKill + " imported; re-import imported "
        + imported + "; agreements " + agreements + ", legacy keys " + keys + " (" + distinct + " distinct),"
        + " lifecycles " + lifecycles + " ("
        + doubledLifecycles + " agreements with two)");
    assertThat(keys).as("lost").isEqualTo(ROWS);
    assertThat(distinct).as("doubled").isEqualTo(ROWS);
    assertThat(agreements).as("agreements: none lost, none doubled").isEqualTo(ROWS);
    assertThat(doubledLifecycles).as("agreements whose lifecycle was started twice").isZero();
    // docs/api.md "Legacy import": an agreement that has ended is registered CLOSED without a lifecycle
    assertThat(lifecycles).as("a lifecycle for every imported agreement still in force")
        .isEqualTo(count(url, "SELECT COUNT(*) FROM agreement WHERE title LIKE 'Kerja sama antardaerah " + tag
            + " nomor %' AND phase <> 'CLOSED'"));
  }

  void start(String url, String name) throws Exception {
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    Path log = Files.createDirectories(Path.of("target", "fault-kill-nine")).resolve(name + ".log");
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
        "-cp", System.getProperty("java.class.path"), "id.go.kerjasama.KerjasamaApplication",
        "--spring.profiles.active=postgres",
        "--server.port=" + port,
        "--spring.datasource.url=" + url,
        "--spring.datasource.username=postgres",
        "--spring.datasource.password=postgres",
        "--kerjasama.admin.password=" + IntegrationTest.ADMIN_PASSWORD,
        "--kerjasama.mail.enabled=false",
        "--kerjasama.legacy-import.stale-after=6s",
        "--kerjasama.legacy-import.heartbeat-interval=2s"));
    application = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    long deadline = System.currentTimeMillis() + 180_000;
    while (System.currentTimeMillis() < deadline) {
      if (!application.isAlive()) {
        throw new AssertionError("the application ended at start-up; see " + log);
      }
      try {
        HttpResponse<String> health = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
            + "/actuator/health")).timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
        if (health.statusCode() == 200) {
          return;
        }
      } catch (java.io.IOException notYet) {
        // not listening yet
      }
      Thread.sleep(500);
    }
    throw new AssertionError("the application did not start within 3 minutes; see " + log);
  }

  HttpResponse<String> importFile(byte[] file) {
    try {
      String boundary = "fault" + UUID.randomUUID();
      byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"kill-nine.csv\"\r\n"
          + "Content-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8);
      byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
      HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/admin/imports"))
          .header("Content-Type", "multipart/form-data; boundary=" + boundary).header("Accept", "application/json")
          .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((IntegrationTest.ADMIN + ":"
              + IntegrationTest.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8)))
          .POST(HttpRequest.BodyPublishers.ofByteArrays(List.of(head, file, tail))).build();
      return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static int count(String url, String sql) throws Exception {
    try (Connection c = DriverManager.getConnection(url, "postgres", "postgres"); Statement s = c.createStatement();
        ResultSet rows = s.executeQuery(sql)) {
      rows.next();
      return rows.getInt(1);
    }
  }
}
