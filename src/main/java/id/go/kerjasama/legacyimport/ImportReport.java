package id.go.kerjasama.legacyimport;

import id.go.kerjasama.registry.Phase;
import id.go.kerjasama.registry.Status;
import java.util.List;

/**
 * The answer to a legacy import: counts, every rejected row with its line
 * number and reasons, the rows already in the registry (skipped), and the
 * agreements created.
 */
record ImportReport(
    long importId,
    boolean dryRun,
    String fileName,
    String sha256,
    int totalRows,
    int importedRows,
    int existingRows,
    int rejectedRows,
    long durationMillis,
    List<RejectedRow> rejected,
    List<ExistingRow> existing,
    List<ImportedRow> imported) {

  /** A row that was not imported, and why. */
  public record RejectedRow(int line, String legacyNumber, List<String> problems) {
  }

  /** A row whose agreement an earlier import already created: skipped. */
  public record ExistingRow(int line, String legacyNumber, String registrationNumber) {
  }

  /**
   * A row imported (or, in a dry run, that would be): its new registration
   * number, its phase and status, where its lifecycle starts ({@code null}
   * for an agreement that has already ended) and, for an agreement in force,
   * the day its renewal starts (today or earlier: at once).
   */
  public record ImportedRow(int line, String legacyNumber, String registrationNumber, Phase phase, Status status,
                            String startActivity, java.time.LocalDate renewalStartsOn) {
  }
}
