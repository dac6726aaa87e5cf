package id.go.kerjasama.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import id.go.kerjasama.platform.identity.Organisations;
import id.go.kerjasama.platform.identity.UnitLevel;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

/**
 * The legacy import on PostgreSQL at the scale of Kemendagri's records
 * (1,614 domestic memoranda): a generated file with some bad rows (broken
 * quotes among them), whose report names exactly those rows; a second import of the same file creates
 * nothing; only administrators import; a dry run writes nothing.
 */
class LegacyImportIT extends IntegrationTest {

  static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Jakarta"));
  static final int ROWS = 1_650;

  @Autowired
  Organisations organisations;
  @Autowired
  org.springframework.jdbc.core.JdbcTemplate jdbc;

  @Test
  void aLargeFileImportsItsGoodRowsReportsExactlyTheBadOnesAndImportsNothingTwice() {
    String tag = "lg" + UUID.randomUUID().toString().substring(0, 8).toLowerCase(Locale.ROOT);
    LegacyRows rows = new LegacyRows(tag, provinceCodes(), TODAY);
    LegacyCsvFile csv = new LegacyCsvFile();
    Map<Integer, String> bad = new TreeMap<>();
    for (int i = 0; i < ROWS; i++) {
      String broken = broken(tag, i);
      if (broken == null) {
        rows.add(csv, i);
        continue;
      }
      String[] lineAndReason = broken.split("\\|\\|", -1);
      int line = csv.raw(lineAndReason[0]);
      if (!lineAndReason[1].isEmpty()) {
        bad.put(line, lineAndReason[1]);
      }
    }
    int good = ROWS - bad.size();
    assertThat(good).isGreaterThanOrEqualTo(1_614);

    long started = System.nanoTime();
    JsonNode report = check(upload(ADMIN, "/api/admin/imports", "kdn-lama.csv", csv.bytes()), 200).json();
    long millis = (System.nanoTime() - started) / 1_000_000;
    System.out.printf(Locale.ROOT, "LEGACY IMPORT (PostgreSQL): %d rows, %d imported, %d rejected in %d ms (%.1f rows/s;"
            + " server %d ms)%n", ROWS, report.get("importedRows").asInt(), report.get("rejectedRows").asInt(), millis,
        report.get("importedRows").asInt() * 1000.0 / millis, report.get("durationMillis").asLong());

    assertThat(report.get("totalRows").asInt()).isEqualTo(ROWS);
    assertThat(report.get("importedRows").asInt()).isEqualTo(good);
    assertThat(report.get("existingRows").asInt()).isZero();
    Map<Integer, String> reported = new HashMap<>();
    report.get("rejected").forEach(r -> reported.put(r.get("line").asInt(), r.get("problems").toString()));
    assertThat(reported.keySet()).as(report.get("rejected").toString()).containsExactlyInAnyOrderElementsOf(bad.keySet());
    bad.forEach((line, reason) -> assertThat(reported.get(line)).as("line " + line).contains(reason));
    assertThat(report.get("imported").findValuesAsText("phase")).contains("WORK_PLAN", "SIGNING", "CLOSED");
    assertThat(report.get("imported").findValuesAsText("startActivity"))
        .contains("SubProcess_Term", "CallActivity_AgreementSigning");

    assertThat(total(userOf("fasker"), tag)).isEqualTo(good);
    // an agreement in force runs its term from this year's work plan, visible to its province
    JsonNode running = check(get(userOf("fasker"), "/api/agreements?q=" + tag + "&status=ACTIVE&proposer=province-"
        + provinceCodes().get(1) + "&endAfter=" + TODAY.plusYears(1) + "&size=1"), 200).json().at("/items/0");
    String key = running.get("registrationNumber").asText();
    awaitFollowUps(key); // the work plan is called in a job (asynchronous continuations)
    JsonNode instances = check(get(userOf("province-" + provinceCodes().get(1)),
        "/engine-rest/process-instance?businessKey=" + key), 200).json();
    assertThat(instances.findValuesAsText("definitionId")).anyMatch(d -> d.startsWith("cooperation-lifecycle:"))
        .anyMatch(d -> d.startsWith("annual-work-plan:"));
    // one that ends within the renewal window is in renewal as soon as the job executor fires its due timer
    JsonNode renewing = StreamSupport.stream(report.get("imported").spliterator(), false)
        .filter(r -> r.hasNonNull("renewalStartsOn") && !LocalDate.parse(r.get("renewalStartsOn").asText()).isAfter(TODAY))
        .findFirst().orElseThrow();
    awaitPhase(renewing.get("registrationNumber").asText(), "RENEWAL");

    JsonNode again = check(upload(ADMIN, "/api/admin/imports", "kdn-lama.csv", csv.bytes()), 200).json();
    assertThat(again.get("importedRows").asInt()).isZero();
    assertThat(again.get("existingRows").asInt()).isEqualTo(good);
    assertThat(again.get("rejected").findValuesAsText("line").stream().map(Integer::valueOf).toList())
        .containsExactlyElementsOf(bad.keySet());
    assertThat(total(userOf("fasker"), tag)).as("no duplicates").isEqualTo(good);
  }

  @Test
  void onlyAdministratorsImportAndADryRunWritesNothing() {
    String tag = "dry" + UUID.randomUUID().toString().substring(0, 8).toLowerCase(Locale.ROOT);
    LegacyCsvFile csv = new LegacyCsvFile();
    LegacyRows rows = new LegacyRows(tag, provinceCodes(), TODAY);
    rows.add(csv, 1);
    rows.add(csv, 2);
    assertThat(upload(userOf("fasker"), "/api/admin/imports", "a.csv", csv.bytes()).status()).isEqualTo(403);
    assertThat(upload(userOf("supervisor"), "/api/admin/imports", "a.csv", csv.bytes()).status()).isEqualTo(403);

    JsonNode dry = postCsv("/api/admin/imports?dryRun=true&fileName=a.csv", csv.bytes());
    assertThat(dry.get("dryRun").asBoolean()).isTrue();
    assertThat(dry.get("importedRows").asInt()).isEqualTo(2);
    assertThat(total(userOf("fasker"), tag)).isZero();

    JsonNode real = postCsv("/api/admin/imports", csv.bytes());
    assertThat(real.get("importedRows").asInt()).isEqualTo(2);
    assertThat(total(userOf("fasker"), tag)).isEqualTo(2);

    JsonNode noHeader = check(upload(ADMIN, "/api/admin/imports", "x.csv",
        "nomor,judul\n1,a\n".getBytes(StandardCharsets.UTF_8)), 400).json();
    assertThat(noHeader.get("message").asText()).contains("kolom wajib tidak ada").contains("legacy_number");
  }

  /**
   * The attack: a signed-in user who is not an administrator sends a large file to the import. The answer must
   * come before the body is read (not after the multipart parser spooled it to disk or the CSV body was read into
   * memory, up to the import's 64 MB): only the first 64 KB of a declared 8 MB are sent. The administrator's same
   * request gets no answer without the rest of its body, which shows that the test can tell the two apart.
   */
  @Test
  void anUploadFromANonAdministratorIsRefusedBeforeItsBodyIsRead() throws Exception {
    String province = userOf("province-32");
    for (String type : List.of("multipart/form-data; boundary=batas", "text/csv")) {
      String refused = partialUpload(province, "/api/admin/imports?background=true", type,
          java.time.Duration.ofSeconds(20));
      assertThat(refused).as(type).startsWith("HTTP/1.1 403").contains("Impor data lama hanya untuk administrator");
    }
    assertThat(partialUpload(ADMIN, "/api/admin/imports?background=true", "text/csv", java.time.Duration.ofSeconds(3)))
        .as("the administrator's import waits for the rest of its body").isEmpty();
  }

  @Test
  void aRefusedRowWithANulCharacterIsReportedNotAServerError() {
    // PostgreSQL refuses U+0000 in text: the refused row is kept with U+FFFD in its place (found by FaultAndFuzzIT)
    String tag = "nul" + UUID.randomUUID().toString().substring(0, 8).toLowerCase(Locale.ROOT);
    LegacyCsvFile csv = new LegacyCsvFile();
    int line = csv.raw(tag + "\u0000/1,BUKAN_JENIS,Judul,Mitra,Jepang,province-32,32,pendidikan,MOU,1,x,"
        + "2020-01-01,2020-01-01,2025-01-01");
    JsonNode report = postCsv("/api/admin/imports", csv.bytes());
    assertThat(report.get("importedRows").asInt()).isZero();
    assertThat(report.get("rejectedRows").asInt()).isOne();
    assertThat(report.get("rejected").get(0).get("line").asInt()).isEqualTo(line);
    JsonNode stored = client(ADMIN, ADMIN_PASSWORD).get()
        .uri("/api/admin/imports/" + report.get("importId").asLong() + "/rejected").accept(MediaType.APPLICATION_JSON)
        .exchange((req, res) -> {
          String body = new String(res.getBody().readAllBytes(), StandardCharsets.UTF_8);
          assertThat(res.getStatusCode().value()).as(body).isEqualTo(200);
          return json.readTree(body);
        });
    assertThat(stored.get(0).get("legacyNumber").asText()).isEqualTo(tag + "\uFFFD/1");
    assertThat(total(userOf("fasker"), tag)).isZero();
  }

  @Test
  void anImportNoApplicationWorksOnAnyMoreIsShownInterruptedWithWhatItDid() throws Exception {
    String tag = "int" + UUID.randomUUID().toString().substring(0, 8).toLowerCase(Locale.ROOT);
    LegacyCsvFile csv = new LegacyCsvFile();
    LegacyRows rows = new LegacyRows(tag, provinceCodes(), TODAY);
    rows.add(csv, 1);
    rows.add(csv, 2);
    long importId = postCsv("/api/admin/imports?fileName=terputus.csv", csv.bytes()).get("importId").asLong();
    // what kill -9 after the first rows of a five-row file leaves behind
    jdbc.update("UPDATE legacy_import SET status = 'RUNNING', finished_at = NULL, total_rows = 5, imported_rows = 1,"
            + " existing_rows = 0, rejected_rows = 0, heartbeat_at = ? WHERE id = ?",
        java.sql.Timestamp.from(java.time.Instant.now().minusSeconds(600)), importId);

    // the running application's watch closes it within a heartbeat interval (15 s)
    JsonNode record = null;
    for (int i = 0; i < 60; i++) {
      record = check(get(ADMIN, "/api/admin/imports/" + importId), 200).json();
      if (!record.get("status").asText().equals("RUNNING")) {
        break;
      }
      Thread.sleep(1000);
    }
    assertThat(record.get("status").asText()).isEqualTo("INTERRUPTED");
    assertThat(record.get("statusLabel").asText()).isEqualTo("Terhenti sebelum selesai");
    assertThat(record.get("importedRows").asInt()).isEqualTo(2);
    assertThat(record.get("pendingRows").asInt()).isEqualTo(3);
    assertThat(record.get("note").asText()).contains("2 baris sudah diimpor");
    assertThat(record.get("finishedAt").isNull()).isFalse();
    assertThat(check(get(ADMIN, "/api/admin/imports?size=50"), 200).json().findValuesAsText("importId"))
        .contains(String.valueOf(importId));
    assertThat(get(userOf("fasker"), "/api/admin/imports/" + importId).status()).isEqualTo(403);
    assertThat(check(get(ADMIN, "/api/admin/imports/987654321"), 404).json().get("message").asText())
        .contains("tidak ditemukan");
    assertThat(total(userOf("fasker"), tag)).isEqualTo(2);
  }

  /**
   * Row {@code i} broken in one way, as "line||expected reason" ({@code null}: a generated good row; an empty
   * reason: a hand-written good row).
   */
  static String broken(String tag, int i) {
    String d = TODAY.minusYears(1).toString();
    String end = TODAY.plusYears(1).toString();
    String base = tag + "/" + i + ",DALAM_NEGERI,Kerja sama rusak " + tag + " " + i + ",Mitra,Indonesia,province-33,33,"
        + "EKONOMI,PKS,PKS/" + i + ",,";
    return switch (i) {
      case 17 -> tag + "/17,BILATERAL,Kerja sama rusak " + tag + ",Mitra,Indonesia,province-33,33,EKONOMI,PKS,PKS/17,,"
          + d + "," + d + "," + end + "||pilihan 'BILATERAL' tidak dikenal";
      case 101 -> base + d + "," + d + "," + TODAY.minusYears(1).plusYears(6) + "||paling lama 5 tahun";
      case 230 -> base.replace(",province-33,33,", ",province-33,\"33;99\",") + d + "," + d + "," + end
          + "||Provinsi lokasi '99' tidak dikenal";
      case 377 -> base + d + "," + d + "," + TODAY.minusYears(2) + "||Tanggal berakhir harus sesudah tanggal mulai";
      case 512 -> base.replace("Kerja sama rusak " + tag + " " + i, "") + d + "," + d + "," + end
          + "||Judul (title) wajib diisi";
      case 640 -> base + TODAY.plusDays(10) + "," + d + "," + end + "||di masa depan";
      case 777 -> base.replace(",PKS,", ",MOU,") + d + "," + d + "," + end + "||Jenis dokumen MOU tidak berlaku";
      case 901 -> base + "2024-13-45," + d + "," + end + "||tidak ada di kalender";
      case 1024 -> base.replace(",EKONOMI,", ",ASTRONOMI,") + d + "," + d + "," + end + "||Bidang 'ASTRONOMI' tidak dikenal";
      case 1199 -> base.replace(tag + "/1199,", tag + "/dup,") + d + "," + d + "," + end + "||";
      case 1200 -> base.replace(tag + "/1200,", tag + "/dup,") + d + "," + d + "," + end + "||sudah ada di baris";
      case 1333 -> base.replace(",DALAM_NEGERI,", ",ORMAS_ASING,").replace(",PKS,", ",MSP,") + d + "," + d + "," + end
          + "||Kerja sama ormas asing diajukan oleh kementerian";
      // a quote never closed: read as plain RFC 4180 it ran on into the next row (1401), which vanished
      case 1400 -> base.replace(",Kerja sama rusak ", ",\"Kerja sama rusak ") + d + "," + d + "," + end
          + "||Tanda kutip tidak ditutup atau ambigu";
      case 1450 -> base.replace(",Kerja sama rusak ", ",\"Kerja sama\" rusak ") + d + "," + d + "," + end
          + "||Tanda kutip ambigu";
      case 1500 -> base + d + "," + d + "," + end + ",lebih,banyak||kolom lebih banyak";
      case 1600 -> base.replace(",province-33,", ",regency-9999,") + d + "," + d + "," + end
          + "||Unit pengusul 'regency-9999' tidak dikenal";
      default -> null;
    };
  }

  /** Polls the registry until the agreement is in that phase (the job executor works in the background). */
  void awaitPhase(String registrationNumber, String phase) {
    String last = null;
    for (int i = 0; i < 60; i++) {
      last = check(get(userOf("fasker"), "/api/agreements?q=" + registrationNumber), 200).json()
          .at("/items/0/phase").asText();
      if (phase.equals(last)) {
        return;
      }
      try {
        Thread.sleep(1000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
    throw new AssertionError(registrationNumber + " stays in " + last + ", expected " + phase);
  }

  /** The provinces the generated agreements use: all but those other integration tests rely on. */
  List<String> provinceCodes() {
    return organisations.byLevel(UnitLevel.PROVINCE).stream().map(u -> u.group().substring("province-".length()))
        .filter(p -> !LegacyRows.RESERVED_PROVINCES.contains(p)).toList();
  }

  long total(String user, String tag) {
    return check(get(user, "/api/agreements?size=1&q=" + tag), 200).json().get("totalItems").asLong();
  }

  JsonNode postCsv(String path, byte[] csv) {
    return client(ADMIN, ADMIN_PASSWORD).post().uri(path).contentType(MediaType.parseMediaType("text/csv"))
        .accept(MediaType.APPLICATION_JSON).body(csv)
        .exchange((req, res) -> {
          String body = new String(res.getBody().readAllBytes(), StandardCharsets.UTF_8);
          assertThat(res.getStatusCode().value()).as(body).isEqualTo(200);
          return json.readTree(body);
        });
  }
}
