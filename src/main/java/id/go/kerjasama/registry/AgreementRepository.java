package id.go.kerjasama.registry;

import id.go.kerjasama.platform.time.BusinessClock;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** The registry's tables, through plain JDBC. */
@Repository
public class AgreementRepository {

  private final JdbcTemplate jdbc;
  private final JdbcClient client;

  public AgreementRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
    this.client = JdbcClient.create(jdbc);
  }

  /** Inserts a proposal and gives it its registration number; returns the new id. */
  public long insert(NewProposal p, String createdBy, String processInstanceId) {
    Timestamp now = Timestamp.from(BusinessClock.now());
    KeyHolder key = new GeneratedKeyHolder();
    String provisionalNumber = "TMP-" + java.util.UUID.randomUUID();
    client.sql("""
          INSERT INTO agreement (registration_number, cooperation_type, title, partner_name, partner_country,
            proposer_unit, proposer_province, partner_ministry, location_provinces, sectors, proposed_start,
            duration_months, burdens_public_or_outside_budget, phase, status, process_instance_id, created_by,
            created_at, updated_at, partner_region, cooperation_nature, government_affair, ngo_group,
            estimated_budget)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(provisionalNumber,
            p.type().name(),
            p.title(),
            p.partnerName(),
            p.partnerCountry(),
            p.proposerUnit(),
            p.proposerProvince(),
            p.partnerMinistry(),
            String.join(",", p.locationProvinces()),
            String.join(",", p.sectors()),
            Date.valueOf(p.proposedStart()),
            p.durationMonths(),
            p.burdensPublicOrOutsideBudget(),
            Phase.PROPOSAL.name(),
            Status.IN_REVIEW.name(),
            processInstanceId,
            createdBy,
            now,
            now,
            p.partnerRegion(),
            p.cooperationNature(),
            p.governmentAffair(),
            p.ngoGroup(),
            p.estimatedBudget())
        .update(key, "id");
    long id = key.getKey().longValue();
    int year = LocalDate.ofInstant(now.toInstant(), BusinessClock.ZONE).getYear();
    jdbc.update("UPDATE agreement SET registration_number = ? WHERE id = ?",
        registrationNumber(p.type(), year, id), id);
    return id;
  }

  /** KS-OA-2026-000042: type, year of registration, registry id. */
  public static String registrationNumber(CooperationType type, int year, long id) {
    return String.format("KS-%s-%d-%06d", type.prefix(), year, id);
  }

  public Optional<Agreement> findById(long id) {
    return jdbc.query("SELECT * FROM agreement WHERE id = ?", AGREEMENT, id).stream().findFirst();
  }

  public Optional<Agreement> findByRegistrationNumber(String number) {
    return jdbc.query("SELECT * FROM agreement WHERE registration_number = ?", AGREEMENT, number)
        .stream().findFirst();
  }

  public void updatePhase(long id, Phase phase) {
    jdbc.update("UPDATE agreement SET phase = ?, updated_at = ? WHERE id = ?",
        phase.name(), Timestamp.from(BusinessClock.now()), id);
  }

  public void updateStatus(long id, Status status, String reason) {
    jdbc.update("UPDATE agreement SET status = ?, status_reason = ?, updated_at = ? WHERE id = ?",
        status.name(), reason, Timestamp.from(BusinessClock.now()), id);
  }

  public void updateSigning(long id, String documentKind, String documentNumber, String signatories,
                            LocalDate signedOn, LocalDate startDate, LocalDate endDate) {
    jdbc.update("""
        UPDATE agreement SET document_kind = ?, document_number = ?, signatories = ?, signed_on = ?,
          start_date = ?, end_date = ?, status = ?, updated_at = ? WHERE id = ?""",
        documentKind, documentNumber, signatories, Date.valueOf(signedOn), Date.valueOf(startDate),
        Date.valueOf(endDate), Status.ACTIVE.name(), Timestamp.from(BusinessClock.now()), id);
  }

  /** An extension that was not approved: the next term never started. */
  public void cancelNextTerm(long id) {
    jdbc.update("UPDATE agreement SET term = term - 1, updated_at = ? WHERE id = ? AND term > 1",
        Timestamp.from(BusinessClock.now()), id);
  }

  /**
   * An extension signed but not in force (its operational permit refused): the term before, with its dates
   * and the document it was signed with.
   */
  public void revertToTerm(long id, int term, LocalDate startDate, LocalDate endDate, String documentKind,
                           String documentNumber, String signatories, LocalDate signedOn) {
    jdbc.update("""
        UPDATE agreement SET term = ?, start_date = ?, end_date = ?, document_kind = ?, document_number = ?,
          signatories = ?, signed_on = ?, updated_at = ? WHERE id = ?""",
        term, Date.valueOf(startDate), Date.valueOf(endDate), documentKind, documentNumber, signatories,
        signedOn == null ? null : Date.valueOf(signedOn), Timestamp.from(BusinessClock.now()), id);
  }

  public void startNextTerm(long id) {
    jdbc.update("UPDATE agreement SET term = term + 1, updated_at = ? WHERE id = ?",
        Timestamp.from(BusinessClock.now()), id);
  }

  public void insertEvent(long agreementId, String actor, Phase phase, String activity, String activityName,
                          String outcome, String notes) {
    jdbc.update("""
        INSERT INTO agreement_event (agreement_id, occurred_at, actor, phase, activity, activity_name, outcome, notes)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?)""",
        agreementId, Timestamp.from(BusinessClock.now()), actor, phase.name(), activity, activityName, outcome, notes);
  }

  public List<AgreementEvent> events(long agreementId) {
    return jdbc.query("SELECT * FROM agreement_event WHERE agreement_id = ? ORDER BY occurred_at, id",
        (rs, n) -> new AgreementEvent(rs.getLong("id"), rs.getTimestamp("occurred_at").toInstant(),
            rs.getString("actor"), Phase.valueOf(rs.getString("phase")), rs.getString("activity"),
            rs.getString("activity_name"), rs.getString("outcome"), rs.getString("notes")),
        agreementId);
  }

  private static final RowMapper<Agreement> AGREEMENT = (rs, n) -> new Agreement(
      rs.getLong("id"),
      rs.getString("registration_number"),
      CooperationType.valueOf(rs.getString("cooperation_type")),
      rs.getString("title"),
      rs.getString("partner_name"),
      rs.getString("partner_country"),
      rs.getString("proposer_unit"),
      rs.getString("proposer_province"),
      rs.getString("partner_ministry"),
      split(rs.getString("location_provinces")),
      split(rs.getString("sectors")),
      date(rs, "proposed_start"),
      rs.getInt("duration_months"),
      rs.getBoolean("burdens_public_or_outside_budget"),
      Phase.valueOf(rs.getString("phase")),
      Status.valueOf(rs.getString("status")),
      rs.getString("status_reason"),
      rs.getString("document_kind"),
      rs.getString("document_number"),
      rs.getString("signatories"),
      date(rs, "signed_on"),
      date(rs, "start_date"),
      date(rs, "end_date"),
      rs.getInt("term"),
      rs.getString("process_instance_id"),
      rs.getString("created_by"),
      rs.getTimestamp("created_at").toInstant(),
      rs.getTimestamp("updated_at").toInstant(),
      rs.getString("partner_region"),
      rs.getString("cooperation_nature"),
      rs.getString("government_affair"),
      rs.getString("ngo_group"),
      rs.getBigDecimal("estimated_budget"));

  private static List<String> split(String joined) {
    return joined == null || joined.isBlank() ? List.of() : Arrays.asList(joined.split(","));
  }

  private static LocalDate date(ResultSet rs, String column) throws SQLException {
    Date d = rs.getDate(column);
    return d == null ? null : d.toLocalDate();
  }
}
