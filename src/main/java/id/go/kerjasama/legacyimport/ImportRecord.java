package id.go.kerjasama.legacyimport;

import java.time.Instant;

/**
 * One legacy import as {@code legacy_import} records it ({@code GET /api/admin/imports/{id}}): while it
 * runs, when it finished, or when it was interrupted — with what it did. {@code pendingRows} are the
 * rows checked good but neither imported nor given up ({@code null} while the file is still being
 * checked): after an interruption, the rows a re-import of the same file would still import.
 */
record ImportRecord(
    long importId,
    String fileName,
    String sha256,
    boolean dryRun,
    String importedBy,
    Instant startedAt,
    Instant finishedAt,
    Status status,
    String statusLabel,
    Integer totalRows,
    Integer importedRows,
    Integer existingRows,
    Integer rejectedRows,
    Integer pendingRows,
    String note) {

  /** Where an import stands. */
  enum Status {
    RUNNING("Sedang berjalan"),
    FINISHED("Selesai"),
    INTERRUPTED("Terhenti sebelum selesai");

    private final String label;

    Status(String label) {
      this.label = label;
    }

    String label() {
      return label;
    }
  }

  static ImportRecord of(long importId, String fileName, String sha256, boolean dryRun, String importedBy,
                         Instant startedAt, Instant finishedAt, Status status, Integer totalRows, Integer importedRows,
                         Integer existingRows, Integer rejectedRows, String note) {
    Integer pending = totalRows == null ? null : Math.max(0, totalRows - zero(importedRows) - zero(existingRows)
        - zero(rejectedRows));
    return new ImportRecord(importId, fileName, sha256, dryRun, importedBy, startedAt, finishedAt, status,
        status.label(), totalRows, importedRows, existingRows, rejectedRows, pending, note);
  }

  private static int zero(Integer value) {
    return value == null ? 0 : value;
  }
}
