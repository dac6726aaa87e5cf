package id.go.kerjasama.approval;

import id.go.kerjasama.platform.time.BusinessClock;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The central-approval tables of the registry (V2 migration), through plain JDBC. Rows are never deleted. */
@Repository
class ApprovalRepository {

  private final JdbcTemplate jdbc;

  public ApprovalRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public void insertTpoaRecommendation(long agreementId, int round, String seat, String recommendation, String notes,
                                       String decidedBy) {
    jdbc.update("""
        INSERT INTO tpoa_recommendation (agreement_id, round_no, seat, recommendation, notes, decided_by, decided_at)
        VALUES (?, ?, ?, ?, ?, ?, ?)""",
        agreementId, round, seat, recommendation, notes, decidedBy, Timestamp.from(BusinessClock.now()));
  }

  public List<TpoaRecommendation> tpoaRecommendations(long agreementId) {
    return jdbc.query("SELECT * FROM tpoa_recommendation WHERE agreement_id = ? ORDER BY decided_at, id",
        (rs, n) -> new TpoaRecommendation(rs.getLong("id"), rs.getInt("round_no"), rs.getString("seat"),
            rs.getString("recommendation"), rs.getString("notes"), rs.getString("decided_by"),
            rs.getTimestamp("decided_at").toInstant()),
        agreementId);
  }

  public void insertPrinciplePermit(long agreementId, String decision, LocalDate decidedOn, LocalDate validUntil,
                                    String notes, String decidedBy) {
    jdbc.update("""
        INSERT INTO principle_permit (agreement_id, decision, decided_on, valid_until, notes, decided_by, recorded_at)
        VALUES (?, ?, ?, ?, ?, ?, ?)""",
        agreementId, decision, Date.valueOf(decidedOn), validUntil == null ? null : Date.valueOf(validUntil), notes,
        decidedBy, Timestamp.from(BusinessClock.now()));
  }

  public List<PrinciplePermit> principlePermits(long agreementId) {
    return jdbc.query("SELECT * FROM principle_permit WHERE agreement_id = ? ORDER BY recorded_at, id",
        (rs, n) -> new PrinciplePermit(rs.getLong("id"), rs.getString("decision"),
            rs.getDate("decided_on").toLocalDate(),
            rs.getDate("valid_until") == null ? null : rs.getDate("valid_until").toLocalDate(),
            rs.getString("notes"), rs.getString("decided_by"), rs.getTimestamp("recorded_at").toInstant()),
        agreementId);
  }

  public void insertDprdApproval(long agreementId, String regionGroup, String decision, String letterNumber,
                                 LocalDate letterDate, String notes, String recordedBy, DprdApproval.Plan plan) {
    jdbc.update("""
        INSERT INTO dprd_approval (agreement_id, region_group, decision, letter_number, letter_date, notes,
          recorded_by, recorded_at, plan_purpose, plan_object, plan_rights_obligations, plan_apbd_contribution,
          plan_benefit, plan_term_months, plan_public_burden)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        agreementId, regionGroup, decision, letterNumber, Date.valueOf(letterDate), notes, recordedBy,
        Timestamp.from(BusinessClock.now()),
        plan == null ? null : plan.purpose(), plan == null ? null : plan.object(),
        plan == null ? null : plan.rightsObligations(), plan == null ? null : plan.apbdContribution(),
        plan == null ? null : plan.benefit(), plan == null ? null : plan.termMonths(),
        plan == null ? null : plan.publicBurden());
  }

  public void insertOfferLetter(long agreementId, String letterNumber, LocalDate letterDate, String recordedBy) {
    jdbc.update("""
        INSERT INTO offer_letter (agreement_id, letter_number, letter_date, recorded_by, recorded_at)
        VALUES (?, ?, ?, ?, ?)""",
        agreementId, letterNumber, Date.valueOf(letterDate), recordedBy, Timestamp.from(BusinessClock.now()));
  }

  public List<OfferLetter> offerLetters(long agreementId) {
    return jdbc.query("SELECT * FROM offer_letter WHERE agreement_id = ? ORDER BY recorded_at, id",
        (rs, n) -> new OfferLetter(rs.getLong("id"), rs.getString("letter_number"),
            rs.getDate("letter_date").toLocalDate(), rs.getString("recorded_by"),
            rs.getTimestamp("recorded_at").toInstant()),
        agreementId);
  }

  public List<DprdApproval> dprdApprovals(long agreementId) {
    return jdbc.query("SELECT * FROM dprd_approval WHERE agreement_id = ? ORDER BY recorded_at, id",
        (rs, n) -> new DprdApproval(rs.getLong("id"), rs.getString("region_group"), rs.getString("decision"),
            rs.getString("letter_number"), rs.getDate("letter_date").toLocalDate(), rs.getString("notes"),
            rs.getString("recorded_by"), rs.getTimestamp("recorded_at").toInstant(),
            rs.getString("plan_purpose") == null ? null : new DprdApproval.Plan(rs.getString("plan_purpose"),
                rs.getString("plan_object"), rs.getString("plan_rights_obligations"),
                rs.getBigDecimal("plan_apbd_contribution"), rs.getString("plan_benefit"),
                (Integer) rs.getObject("plan_term_months", Integer.class), rs.getString("plan_public_burden"))),
        agreementId);
  }
}
