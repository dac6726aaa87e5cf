package id.go.kerjasama.workplan;

import id.go.kerjasama.platform.time.BusinessClock;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** The tables {@code work_plan} and {@code work_plan_review}. */
@Repository
class WorkPlanRepository {

  private final JdbcTemplate jdbc;
  private final JdbcClient client;

  public WorkPlanRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
    this.client = JdbcClient.create(jdbc);
  }

  /** Inserts the next version of the agreement's plan for the year; returns its id. */
  public long insert(long agreementId, int year, WorkPlanContent c, String submittedBy, String processInstanceId,
                     String regionGroup) {
    Integer last = jdbc.queryForObject(
        "SELECT MAX(version) FROM work_plan WHERE agreement_id = ? AND budget_year = ?", Integer.class,
        agreementId, year);
    int version = last == null ? 1 : last + 1;
    KeyHolder key = new GeneratedKeyHolder();
    client.sql("""
          INSERT INTO work_plan (agreement_id, budget_year, version, status, objectives, targets, activities,
            location_provinces, location_regencies, budget_amount, budget_currency, start_date, end_date, schedule,
            local_partners, foreign_staff, report_frequency, master_plan_reference, msp_reference, notes,
            submitted_by, submitted_at, process_instance_id, region_group)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(agreementId,
            year,
            version,
            WorkPlanStatus.SUBMITTED.name(),
            c.objectives(),
            c.targets(),
            c.activities(),
            String.join(",", c.locationProvinces()),
            c.locationRegencies().isEmpty() ? null : String.join(",", c.locationRegencies()),
            c.budgetAmount(),
            c.budgetCurrency(),
            Date.valueOf(c.startDate()),
            Date.valueOf(c.endDate()),
            c.schedule(),
            c.localPartners(),
            c.foreignStaff(),
            c.reportFrequency().name(),
            c.masterPlanReference(),
            c.mspReference(),
            c.notes(),
            submittedBy,
            Timestamp.from(BusinessClock.now()),
            processInstanceId,
            regionGroup)
        .update(key, "id");
    return key.getKey().longValue();
  }

  public Optional<WorkPlan> findById(long id) {
    return jdbc.query("SELECT * FROM work_plan WHERE id = ?", PLAN, id).stream().findFirst();
  }

  /** Every version of every year, oldest first. */
  public List<WorkPlan> byAgreement(long agreementId) {
    return jdbc.query("SELECT * FROM work_plan WHERE agreement_id = ? ORDER BY budget_year, version", PLAN,
        agreementId);
  }

  /** The newest version for the year, whatever its status. */
  public Optional<WorkPlan> latest(long agreementId, int year) {
    return jdbc.query("SELECT * FROM work_plan WHERE agreement_id = ? AND budget_year = ? ORDER BY version DESC",
        PLAN, agreementId, year).stream().findFirst();
  }

  /** The newest version of a region's RKT for the year, whatever its status. */
  public Optional<WorkPlan> latestInRegion(long agreementId, int year, String region) {
    return jdbc.query("""
        SELECT * FROM work_plan WHERE agreement_id = ? AND budget_year = ? AND region_group = ?
        ORDER BY version DESC""", PLAN, agreementId, year, region).stream().findFirst();
  }

  /** The newest approved RKT of the region in an earlier year. */
  public Optional<WorkPlan> latestApprovedBeforeInRegion(long agreementId, int year, String region) {
    return jdbc.query("""
        SELECT * FROM work_plan WHERE agreement_id = ? AND budget_year < ? AND status = 'APPROVED' AND region_group = ?
        ORDER BY budget_year DESC, version DESC""", PLAN, agreementId, year, region).stream().findFirst();
  }

  /** The newest approved version of the year. */
  public Optional<WorkPlan> latestApproved(long agreementId, int year) {
    return jdbc.query("""
        SELECT * FROM work_plan WHERE agreement_id = ? AND budget_year = ? AND status = 'APPROVED'
        ORDER BY version DESC, id DESC""", PLAN, agreementId, year).stream().findFirst();
  }

  /** The newest approved plan of an earlier year. */
  public Optional<WorkPlan> latestApprovedBefore(long agreementId, int year) {
    return jdbc.query("""
        SELECT * FROM work_plan WHERE agreement_id = ? AND budget_year < ? AND status = 'APPROVED'
        ORDER BY budget_year DESC, version DESC""", PLAN, agreementId, year).stream().findFirst();
  }

  public void updateStatus(long id, WorkPlanStatus status) {
    jdbc.update("UPDATE work_plan SET status = ?, decided_at = ? WHERE id = ?", status.name(),
        Timestamp.from(BusinessClock.now()), id);
  }

  public void insertReview(long workPlanId, ReviewStep step, String group, String reviewer, String decision,
                           String notes) {
    jdbc.update("""
        INSERT INTO work_plan_review (work_plan_id, step, reviewer_group, reviewer, decision, notes, decided_at)
        VALUES (?, ?, ?, ?, ?, ?, ?)""", workPlanId, step.name(), group, reviewer, decision, notes,
        Timestamp.from(BusinessClock.now()));
  }

  public List<WorkPlanReview> reviews(long workPlanId) {
    return jdbc.query("SELECT * FROM work_plan_review WHERE work_plan_id = ? ORDER BY decided_at, id",
        (rs, n) -> new WorkPlanReview(rs.getLong("id"), rs.getLong("work_plan_id"),
            ReviewStep.valueOf(rs.getString("step")), rs.getString("reviewer_group"), rs.getString("reviewer"),
            rs.getString("decision"), rs.getString("notes"), rs.getTimestamp("decided_at").toInstant()),
        workPlanId);
  }

  private static final RowMapper<WorkPlan> PLAN = (rs, n) -> new WorkPlan(
      rs.getLong("id"),
      rs.getLong("agreement_id"),
      rs.getInt("budget_year"),
      rs.getInt("version"),
      WorkPlanStatus.valueOf(rs.getString("status")),
      new WorkPlanContent(
          rs.getString("objectives"),
          rs.getString("targets"),
          rs.getString("activities"),
          split(rs.getString("location_provinces")),
          split(rs.getString("location_regencies")),
          rs.getBigDecimal("budget_amount"),
          rs.getString("budget_currency"),
          rs.getDate("start_date").toLocalDate(),
          rs.getDate("end_date").toLocalDate(),
          rs.getString("schedule"),
          rs.getString("local_partners"),
          rs.getString("foreign_staff"),
          ReportFrequency.valueOf(rs.getString("report_frequency")),
          rs.getString("master_plan_reference"),
          rs.getString("msp_reference"),
          rs.getString("notes")),
      rs.getString("submitted_by"),
      rs.getTimestamp("submitted_at").toInstant(),
      instant(rs, "decided_at"),
      rs.getString("process_instance_id"),
      rs.getString("region_group"));

  private static List<String> split(String joined) {
    return joined == null || joined.isBlank() ? List.of() : Arrays.asList(joined.split(","));
  }

  private static java.time.Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp t = rs.getTimestamp(column);
    return t == null ? null : t.toInstant();
  }
}
