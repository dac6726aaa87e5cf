package id.go.kerjasama.monitoring;

import id.go.kerjasama.platform.time.BusinessClock;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** The tables {@code progress_report} and {@code progress_report_review}. */
@Repository
class ProgressReportRepository {

  private final JdbcTemplate jdbc;
  private final JdbcClient client;

  public ProgressReportRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
    this.client = JdbcClient.create(jdbc);
  }

  /** Inserts the next version of the period's report; returns its id. */
  public long insert(long agreementId, int year, ReportingPeriod period, boolean annual, String reportingUnit,
                     ReportContent c, Instant dueAt, boolean late, String submittedBy, String processInstanceId) {
    Integer last = jdbc.queryForObject("""
        SELECT MAX(version) FROM progress_report WHERE agreement_id = ? AND budget_year = ? AND period = ?""",
        Integer.class, agreementId, year, period.name());
    int version = last == null ? 1 : last + 1;
    KeyHolder key = new GeneratedKeyHolder();
    client.sql("""
          INSERT INTO progress_report (agreement_id, budget_year, period, annual, version, status, reporting_unit,
            achievements, obstacles, challenges, benefits, budget_realised, budget_currency, notes, due_at, late,
            submitted_by, submitted_at, process_instance_id, financial_report)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(agreementId,
            year,
            period.name(),
            annual,
            version,
            ReportStatus.SUBMITTED.name(),
            reportingUnit,
            c.achievements(),
            c.obstacles(),
            c.challenges(),
            c.benefits(),
            c.budgetRealised(),
            c.budgetCurrency(),
            c.notes(),
            Timestamp.from(dueAt),
            late,
            submittedBy,
            Timestamp.from(BusinessClock.now()),
            processInstanceId,
            c.financialReport())
        .update(key, "id");
    return key.getKey().longValue();
  }

  public Optional<ProgressReport> findById(long id) {
    return jdbc.query("SELECT * FROM progress_report WHERE id = ?", REPORT, id).stream().findFirst();
  }

  /** Every version of every period, in order. */
  public List<ProgressReport> byAgreement(long agreementId) {
    return jdbc.query("""
        SELECT * FROM progress_report WHERE agreement_id = ? ORDER BY budget_year, id""", REPORT, agreementId);
  }

  public void updateStatus(long id, ReportStatus status) {
    jdbc.update("UPDATE progress_report SET status = ?, decided_at = ? WHERE id = ?", status.name(),
        Timestamp.from(BusinessClock.now()), id);
  }

  public void updateProvinceNotes(long id, String notes) {
    jdbc.update("UPDATE progress_report SET province_notes = ? WHERE id = ?", notes, id);
  }

  public void insertReview(long reportId, String step, String group, String reviewer, String decision,
                           String notes) {
    jdbc.update("""
        INSERT INTO progress_report_review (progress_report_id, step, reviewer_group, reviewer, decision, notes,
          decided_at) VALUES (?, ?, ?, ?, ?, ?, ?)""", reportId, step, group, reviewer, decision, notes,
        Timestamp.from(BusinessClock.now()));
  }

  public List<ReportReview> reviews(long reportId) {
    return jdbc.query("SELECT * FROM progress_report_review WHERE progress_report_id = ? ORDER BY decided_at, id",
        (rs, n) -> new ReportReview(rs.getLong("id"), rs.getLong("progress_report_id"), rs.getString("step"),
            rs.getString("reviewer_group"), rs.getString("reviewer"), rs.getString("decision"), rs.getString("notes"),
            rs.getTimestamp("decided_at").toInstant()),
        reportId);
  }

  private static final RowMapper<ProgressReport> REPORT = (rs, n) -> new ProgressReport(
      rs.getLong("id"),
      rs.getLong("agreement_id"),
      rs.getInt("budget_year"),
      ReportingPeriod.valueOf(rs.getString("period")),
      rs.getBoolean("annual"),
      rs.getInt("version"),
      ReportStatus.valueOf(rs.getString("status")),
      rs.getString("reporting_unit"),
      new ReportContent(rs.getString("achievements"), rs.getString("obstacles"), rs.getString("challenges"),
          rs.getString("benefits"), rs.getBigDecimal("budget_realised"), rs.getString("budget_currency"),
          rs.getString("notes"), rs.getString("financial_report")),
      rs.getString("province_notes"),
      rs.getTimestamp("due_at").toInstant(),
      rs.getBoolean("late"),
      rs.getString("submitted_by"),
      rs.getTimestamp("submitted_at").toInstant(),
      rs.getTimestamp("decided_at") == null ? null : rs.getTimestamp("decided_at").toInstant(),
      rs.getString("process_instance_id"));
}
