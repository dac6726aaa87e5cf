package id.go.kerjasama.legacyimport;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.kerjasama.ProcessTest;
import id.go.kerjasama.ProcessTestSupport;
import id.go.kerjasama.documents.DocumentService;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * An import interrupted midway (the application killed after some chunks were committed) is found by
 * the start-up step and marked INTERRUPTED with the rows it did; a re-import of the same file completes
 * it without doubling a row. An import some application is still working on is left alone.
 */
@ProcessTest
class InterruptedImportProcessTest extends ProcessTestSupport {

  @Autowired
  LegacyImportService importService;
  @Autowired
  InterruptedImports interruptedImports;
  @Autowired
  JdbcTemplate jdbc;

  private static String row(String tag, int n) {
    return tag + "/" + n + ",DALAM_NEGERI,Kerja sama pengelolaan sampah " + n + ",Kota Padang,Indonesia,13,13,"
        + "LINGKUNGAN_HIDUP,PKS,PKS-" + tag + "-" + n + ",Gubernur,2024-01-10,2024-01-10,2028-01-09\n";
  }

  @Test
  void anImportKilledMidwayIsMarkedInterruptedWithWhatItDidAndARerunCompletesIt() {
    String tag = "INT" + UUID.randomUUID().toString().substring(0, 6);
    String whole = LegacyImportProcessTest.HEADER + row(tag, 1) + row(tag, 2) + row(tag, 3);
    // what a kill -9 after the first rows leaves: those rows committed whole, the record RUNNING with
    // counts that lag behind and no sign of life since
    ImportReport firstRows = importService.run("sumbar.csv",
        (LegacyImportProcessTest.HEADER + row(tag, 1) + row(tag, 2)).getBytes(StandardCharsets.UTF_8), false, "admin");
    assertThat(firstRows.importedRows()).isEqualTo(2);
    long importId = firstRows.importId();
    jdbc.update("UPDATE legacy_import SET status = 'RUNNING', finished_at = NULL, sha256 = ?, total_rows = 3,"
            + " imported_rows = 1, existing_rows = 0, rejected_rows = 0, heartbeat_at = ? WHERE id = ?",
        DocumentService.sha256(whole.getBytes(StandardCharsets.UTF_8)),
        Timestamp.from(Instant.now().minus(10, ChronoUnit.MINUTES)), importId);
    // an import another node is running right now (a sign of life a moment ago)
    long alive = importService.run("lain.csv", LegacyImportProcessTest.HEADER.getBytes(StandardCharsets.UTF_8),
        true, "admin").importId();
    jdbc.update("UPDATE legacy_import SET status = 'RUNNING', finished_at = NULL, heartbeat_at = ? WHERE id = ?",
        Timestamp.from(Instant.now().minus(10, ChronoUnit.SECONDS)), alive);

    assertThat(importService.record(importId).orElseThrow().status()).isEqualTo(ImportRecord.Status.RUNNING);
    // the start-up step (its timer may have come first: the outcome is the same)
    assertThat(interruptedImports.closeInterrupted()).doesNotContain(alive);

    ImportRecord interrupted = importService.record(importId).orElseThrow();
    assertThat(interrupted.status()).isEqualTo(ImportRecord.Status.INTERRUPTED);
    assertThat(interrupted.statusLabel()).isEqualTo("Terhenti sebelum selesai");
    assertThat(interrupted.finishedAt()).isNotNull();
    assertThat(interrupted.totalRows()).isEqualTo(3);
    assertThat(interrupted.importedRows()).as("counted from the rows in the registry").isEqualTo(2);
    assertThat(interrupted.rejectedRows()).isZero();
    assertThat(interrupted.pendingRows()).isEqualTo(1);
    assertThat(interrupted.note()).contains("2 baris sudah diimpor").contains("Impor ulang berkas yang sama");
    assertThat(importService.record(alive).orElseThrow().status()).isEqualTo(ImportRecord.Status.RUNNING);
    // a second start finds nothing more to close
    assertThat(interruptedImports.closeInterrupted()).doesNotContain(importId, alive);

    // the administrator imports the same file again: the two rows are skipped, the third imported
    ImportReport rerun = importService.run("sumbar.csv", whole.getBytes(StandardCharsets.UTF_8), false, "admin");
    assertThat(rerun.existingRows()).isEqualTo(2);
    assertThat(rerun.importedRows()).isEqualTo(1);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM agreement_legacy_key WHERE legacy_number LIKE ?",
        Integer.class, tag + "/%")).isEqualTo(3);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM agreement WHERE document_number LIKE ?", Integer.class,
        "PKS-" + tag + "-%")).as("no row doubled").isEqualTo(3);
    ImportRecord finished = importService.record(rerun.importId()).orElseThrow();
    assertThat(finished.status()).isEqualTo(ImportRecord.Status.FINISHED);
    assertThat(finished.pendingRows()).isZero();
    jdbc.update("UPDATE legacy_import SET status = 'FINISHED' WHERE id = ?", alive);
  }

  @Test
  void anImportThisApplicationIsRunningIsNeverTakenForDead() {
    long importId = importService.run("jalan.csv", LegacyImportProcessTest.HEADER.getBytes(StandardCharsets.UTF_8),
        true, "admin").importId();
    // its sign of life could not be written (the database was away), but this application works on it
    interruptedImports.started(importId);
    jdbc.update("UPDATE legacy_import SET status = 'RUNNING', finished_at = NULL, heartbeat_at = ? WHERE id = ?",
        Timestamp.from(Instant.now().minus(1, ChronoUnit.HOURS)), importId);
    try {
      assertThat(interruptedImports.closeInterrupted()).doesNotContain(importId);
      assertThat(importService.record(importId).orElseThrow().status()).isEqualTo(ImportRecord.Status.RUNNING);
    } finally {
      interruptedImports.ended(importId);
    }
    interruptedImports.closeInterrupted();
    assertThat(importService.record(importId).orElseThrow().status()).isEqualTo(ImportRecord.Status.INTERRUPTED);
  }

  @Test
  void rowCountsAreWrittenAsTheImportGoes() {
    String tag = "CNT" + UUID.randomUUID().toString().substring(0, 6);
    ImportReport report = importService.run("hitung.csv", (LegacyImportProcessTest.HEADER + row(tag, 1)
        + tag + "/2,DALAM_NEGERI,x,Kota Padang,Indonesia,13,13,LINGKUNGAN_HIDUP,PKS,PKS-9,,2024-01-10,2024-01-10,"
        + "2028-01-09\n").getBytes(StandardCharsets.UTF_8), false, "admin");
    ImportRecord record = importService.record(report.importId()).orElseThrow();
    assertThat(record.status()).isEqualTo(ImportRecord.Status.FINISHED);
    assertThat(record.totalRows()).isEqualTo(2);
    assertThat(record.importedRows()).isEqualTo(1);
    assertThat(record.rejectedRows()).isEqualTo(1);
    assertThat(record.pendingRows()).isZero();
    assertThat(importService.latest(5)).extracting(ImportRecord::importId).contains(report.importId());
  }
}
