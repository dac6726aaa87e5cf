package id.go.kerjasama.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import id.go.kerjasama.platform.identity.Organisations;
import id.go.kerjasama.platform.identity.UnitLevel;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The legacy import as a background job on PostgreSQL: the upload answers 202
 * with the import's id at once, its progress is read from
 * {@code GET /api/admin/imports/{id}}, and an import its application stopped
 * working on midway (as if killed) is closed INTERRUPTED and taken up again
 * from its stored file, importing the rest and no row twice.
 */
class BackgroundImportIT extends IntegrationTest {

  static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Jakarta"));

  @Autowired
  Organisations organisations;
  @Autowired
  JdbcTemplate jdbc;
  @Autowired
  ApplicationContext context;

  @Test
  void anUploadAnswersAtOnceAndItsProgressIsReadableUntilItFinished() throws Exception {
    String tag = "bg" + UUID.randomUUID().toString().substring(0, 8).toLowerCase(Locale.ROOT);
    byte[] csv = file(tag, 60);

    Response accepted = postCsv("/api/admin/imports?background=true&fileName=latar.csv", csv);

    assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
    JsonNode record = accepted.json();
    long importId = record.get("importId").asLong();
    assertThat(record.get("status").asText()).isEqualTo("RUNNING");
    assertThat(record.get("statusLabel").asText()).isEqualTo("Sedang berjalan");
    assertThat(record.get("fileName").asText()).isEqualTo("latar.csv");

    JsonNode done = await(importId, r -> r.get("status").asText().equals("FINISHED"));
    assertThat(done.get("totalRows").asInt()).isEqualTo(60);
    assertThat(done.get("importedRows").asInt()).isEqualTo(60);
    assertThat(done.get("pendingRows").asInt()).isZero();
    assertThat(total(tag)).isEqualTo(60);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM legacy_import_file WHERE import_id = ?", Integer.class,
        importId)).as("the stored file is deleted when its import finished").isZero();

    // a file that cannot be an import is refused at once, in Indonesian, and nothing is queued
    Response noHeader = postCsv("/api/admin/imports?background=true", "nomor,judul\n1,a\n"
        .getBytes(StandardCharsets.UTF_8));
    assertThat(noHeader.status()).isEqualTo(400);
    assertThat(noHeader.json().get("message").asText()).contains("kolom wajib tidak ada");
    assertThat(postCsv("/api/admin/imports?background=true&dryRun=true", csv).status()).isEqualTo(400);
    // administrators only
    assertThat(exchangeCsv(userOf("fasker"), "/api/admin/imports?background=true", csv).status()).isEqualTo(403);
  }

  @Test
  void anImportStoppedMidwayIsTakenUpAgainAndImportsEveryRowOnce() throws Exception {
    String tag = "bgr" + UUID.randomUUID().toString().substring(0, 8).toLowerCase(Locale.ROOT);
    int rows = 200;
    long importId = postCsv("/api/admin/imports?background=true&fileName=terputus.csv", file(tag, rows)).json()
        .get("importId").asLong();

    // the application stops working on it after its first chunk of rows, as if it had been killed
    await(importId, r -> r.path("importedRows").asInt() >= 50);
    call("backgroundImports", "stopAsIfKilled", importId);
    JsonNode stopped = check(get(ADMIN, "/api/admin/imports/" + importId), 200).json();
    assertThat(stopped.get("status").asText()).isEqualTo("RUNNING");
    int before = stopped.get("importedRows").asInt();
    assertThat(before).isBetween(50, rows - 50);
    assertThat(total(tag)).isEqualTo(before);

    // no sign of life for longer than stale-after: the watch closes it, then it is taken up again
    jdbc.update("UPDATE legacy_import SET heartbeat_at = ? WHERE id = ?",
        Timestamp.from(Instant.now().minusSeconds(600)), importId);
    call("interruptedImports", "closeInterrupted");
    JsonNode resumedOrInterrupted = check(get(ADMIN, "/api/admin/imports/" + importId), 200).json();
    assertThat(resumedOrInterrupted.get("status").asText()).isIn("INTERRUPTED", "RUNNING", "FINISHED");
    call("backgroundImports", "resumeInterrupted");

    JsonNode done = await(importId, r -> r.get("status").asText().equals("FINISHED"));
    assertThat(done.get("importedRows").asInt()).isEqualTo(rows);
    assertThat(done.get("existingRows").asInt()).isZero();
    assertThat(done.get("rejectedRows").asInt()).isZero();
    assertThat(done.hasNonNull("note")).isFalse();
    assertThat(total(tag)).as("every row once").isEqualTo(rows);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM agreement_legacy_key WHERE import_id = ?", Integer.class,
        importId)).isEqualTo(rows);
    assertThat(jdbc.queryForObject("SELECT COUNT(DISTINCT legacy_number) FROM agreement_legacy_key"
        + " WHERE import_id = ?", Integer.class, importId)).isEqualTo(rows);
    // one lifecycle per agreement that runs one, none started twice
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM agreement a JOIN agreement_legacy_key k"
        + " ON k.agreement_id = a.id WHERE k.import_id = ? AND a.process_instance_id IS NOT NULL"
        + " AND (SELECT COUNT(*) FROM act_hi_procinst p WHERE p.business_key_ = a.registration_number"
        + " AND p.proc_def_key_ = 'cooperation-lifecycle') <> 1", Integer.class, importId)).isZero();
  }

  private byte[] file(String tag, int rows) {
    return new LegacyRows(tag, provinceCodes(), TODAY).file(rows);
  }

  private JsonNode await(long importId, Predicate<JsonNode> until) throws InterruptedException {
    JsonNode record = null;
    for (int i = 0; i < 1_800; i++) {
      record = check(get(ADMIN, "/api/admin/imports/" + importId), 200).json();
      if (until.test(record)) {
        return record;
      }
      Thread.sleep(200);
    }
    throw new AssertionError("import " + importId + " never got there: " + record);
  }

  /** A package-private method of one of the import's beans (the test's stand-in for killing the application). */
  private void call(String bean, String method, Object... args) throws Exception {
    Object target = context.getBean(bean);
    for (Method m : target.getClass().getDeclaredMethods()) {
      if (m.getName().equals(method) && m.getParameterCount() == args.length) {
        m.setAccessible(true);
        m.invoke(target, args);
        return;
      }
    }
    throw new AssertionError(bean + " has no " + method);
  }

  List<String> provinceCodes() {
    return organisations.byLevel(UnitLevel.PROVINCE).stream().map(u -> u.group().substring("province-".length()))
        .filter(p -> !LegacyRows.RESERVED_PROVINCES.contains(p)).toList();
  }

  long total(String tag) {
    return check(get(userOf("fasker"), "/api/agreements?size=1&q=" + tag), 200).json().get("totalItems").asLong();
  }

  Response postCsv(String path, byte[] csv) {
    return exchangeCsv(ADMIN, path, csv);
  }

  Response exchangeCsv(String user, String path, byte[] csv) {
    return client(user, ADMIN.equals(user) ? ADMIN_PASSWORD : PASSWORD).post().uri(path)
        .contentType(MediaType.parseMediaType("text/csv")).accept(MediaType.APPLICATION_JSON).body(csv)
        .exchange((req, res) -> new Response(res.getStatusCode().value(),
            new String(res.getBody().readAllBytes(), StandardCharsets.UTF_8), json));
  }
}
