package id.go.kerjasama.renewal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The table {@code agreement_close_out}: final report and archiving, one row per agreement. */
@Repository
class CloseOutRepository {

  /** What the registry holds about an agreement's close-out. */
  public record CloseOut(long agreementId, String finalReport, String finalReportBy, Instant finalReportAt,
                         Instant documentsArchivedAt, String archiveNote) {
  }

  private final JdbcTemplate jdbc;

  public CloseOutRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public Optional<CloseOut> find(long agreementId) {
    return jdbc.query("SELECT * FROM agreement_close_out WHERE agreement_id = ?", (rs, n) -> new CloseOut(
        rs.getLong("agreement_id"), rs.getString("final_report"), rs.getString("final_report_by"),
        instant(rs.getTimestamp("final_report_at")), instant(rs.getTimestamp("documents_archived_at")),
        rs.getString("archive_note")), agreementId).stream().findFirst();
  }

  public void saveFinalReport(long agreementId, String report, String by, Instant at) {
    ensureRow(agreementId);
    jdbc.update("UPDATE agreement_close_out SET final_report = ?, final_report_by = ?, final_report_at = ? "
        + "WHERE agreement_id = ?", report, by, Timestamp.from(at), agreementId);
  }

  public void markArchived(long agreementId, String note, Instant at) {
    ensureRow(agreementId);
    jdbc.update("UPDATE agreement_close_out SET documents_archived_at = ?, archive_note = ? WHERE agreement_id = ?",
        Timestamp.from(at), note, agreementId);
  }

  private void ensureRow(long agreementId) {
    Integer rows = jdbc.queryForObject("SELECT COUNT(*) FROM agreement_close_out WHERE agreement_id = ?",
        Integer.class, agreementId);
    if (rows == null || rows == 0) {
      jdbc.update("INSERT INTO agreement_close_out (agreement_id) VALUES (?)", agreementId);
    }
  }

  private static Instant instant(Timestamp t) {
    return t == null ? null : t.toInstant();
  }
}
