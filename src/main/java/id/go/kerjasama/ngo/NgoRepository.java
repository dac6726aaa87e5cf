package id.go.kerjasama.ngo;

import id.go.kerjasama.platform.time.BusinessClock;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** The NGO tables of V20__ngo_register.sql. */
@Repository
class NgoRepository {

  private final JdbcTemplate jdbc;
  private final JdbcClient client;

  NgoRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
    this.client = JdbcClient.create(jdbc);
  }

  long insertNgo(NewNgo n, String createdBy) {
    Timestamp now = now();
    KeyHolder key = new GeneratedKeyHolder();
    client.sql("""
          INSERT INTO ngo (group_id, name, country, legal_documents, contact_name, contact_email, contact_phone,
            local_office, status, created_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(n.groupId(), n.name(), n.country(), n.legalDocuments(), n.contactName(), n.contactEmail(),
            n.contactPhone(), n.localOffice(), NgoStatus.REGISTERED.name(), createdBy, now, now)
        .update(key, "id");
    return key.getKey().longValue();
  }

  Optional<Ngo> findById(long id) {
    return jdbc.query("SELECT * FROM ngo WHERE id = ?", NGO, id).stream().findFirst();
  }

  Optional<Ngo> findByGroup(String groupId) {
    return jdbc.query("SELECT * FROM ngo WHERE group_id = ?", NGO, groupId).stream().findFirst();
  }

  List<Ngo> all() {
    return jdbc.query("SELECT * FROM ngo ORDER BY name, id", NGO);
  }

  void updateStatus(long id, NgoStatus status) {
    jdbc.update("UPDATE ngo SET status = ?, updated_at = ? WHERE id = ?", status.name(), now(), id);
  }

  long insertPermit(long ngoId, String kind, Long agreementId, LocalDate issuedOn, LocalDate validUntil,
                    String issuedBy, String notes) {
    return insertPermit(ngoId, kind, NgoPermit.ACTIVE, agreementId, issuedOn, validUntil, issuedBy, notes);
  }

  long insertPermit(long ngoId, String kind, String state, Long agreementId, LocalDate issuedOn,
                    LocalDate validUntil, String issuedBy, String notes) {
    Timestamp now = now();
    KeyHolder key = new GeneratedKeyHolder();
    client.sql("""
          INSERT INTO ngo_permit (ngo_id, kind, state, agreement_id, issued_on, valid_until, issued_by, notes,
            recorded_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(ngoId, kind, state, agreementId, Date.valueOf(issuedOn), Date.valueOf(validUntil),
            issuedBy, notes, now, now)
        .update(key, "id");
    return key.getKey().longValue();
  }

  List<NgoPermit> permits(long ngoId) {
    return jdbc.query("SELECT * FROM ngo_permit WHERE ngo_id = ? ORDER BY recorded_at, id", PERMIT, ngoId);
  }

  void extendPermit(long permitId, LocalDate validUntil) {
    jdbc.update("UPDATE ngo_permit SET valid_until = ?, renewed_times = renewed_times + 1, updated_at = ? "
        + "WHERE id = ?", Date.valueOf(validUntil), now(), permitId);
  }

  /** Shortens the operational permits of an NGO that run beyond {@code validUntil}: never beyond the principle permit. */
  void setPermitState(long ngoId, String fromState, String toState) {
    jdbc.update("UPDATE ngo_permit SET state = ?, updated_at = ? WHERE ngo_id = ? AND state = ?",
        toState, now(), ngoId, fromState);
  }

  /** Decides one permit: only from {@code fromState}, so a decision is taken once. */
  boolean decidePermit(long permitId, String fromState, String toState, String decidedBy) {
    return jdbc.update("UPDATE ngo_permit SET state = ?, issued_by = ?, updated_at = ? WHERE id = ? AND state = ?",
        toState, decidedBy, now(), permitId, fromState) == 1;
  }

  void insertEvent(long ngoId, String actor, String activity, String activityName, String outcome, String notes) {
    jdbc.update("""
        INSERT INTO ngo_event (ngo_id, occurred_at, actor, activity, activity_name, outcome, notes)
        VALUES (?, ?, ?, ?, ?, ?, ?)""", ngoId, now(), actor, activity, activityName, outcome,
        notes == null ? null : notes.length() > 4000 ? notes.substring(0, 4000) : notes);
  }

  List<NgoEvent> events(long ngoId) {
    return jdbc.query("SELECT * FROM ngo_event WHERE ngo_id = ? ORDER BY occurred_at, id",
        (rs, n) -> new NgoEvent(rs.getLong("id"), rs.getTimestamp("occurred_at").toInstant(), rs.getString("actor"),
            rs.getString("activity"), rs.getString("activity_name"), rs.getString("outcome"), rs.getString("notes")),
        ngoId);
  }

  long insertStaff(long ngoId, NewStaff s, String by) {
    KeyHolder key = new GeneratedKeyHolder();
    client.sql("""
          INSERT INTO ngo_staff (ngo_id, name, nationality, passport_number, position, stay_permit_number,
            period_start, period_end, recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(ngoId, s.name(), s.nationality(), s.passportNumber(), s.position(), s.stayPermitNumber(),
            Date.valueOf(s.periodStart()), Date.valueOf(s.periodEnd()), by, now())
        .update(key, "id");
    return key.getKey().longValue();
  }

  long insertFunding(long ngoId, NewFunding f, String by) {
    KeyHolder key = new GeneratedKeyHolder();
    client.sql("""
          INSERT INTO ngo_funding (ngo_id, source, country, amount, currency, budget_year, recorded_by, recorded_at)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(ngoId, f.source(), f.country(), f.amount().longValueExact(), f.currency(), f.budgetYear(), by, now())
        .update(key, "id");
    return key.getKey().longValue();
  }

  List<NgoFunding> funding(long ngoId) {
    return jdbc.query("SELECT * FROM ngo_funding WHERE ngo_id = ? ORDER BY budget_year, id",
        (rs, n) -> new NgoFunding(rs.getLong("id"), rs.getLong("ngo_id"), rs.getString("source"),
            rs.getString("country"), java.math.BigDecimal.valueOf(rs.getLong("amount")), rs.getString("currency"),
            rs.getInt("budget_year"), rs.getString("recorded_by"), rs.getTimestamp("recorded_at").toInstant()),
        ngoId);
  }

  long insertLocation(long ngoId, NewLocation l, String by) {
    KeyHolder key = new GeneratedKeyHolder();
    client.sql("""
          INSERT INTO ngo_location (ngo_id, province_group, regency_group, address, recorded_by, recorded_at)
          VALUES (?, ?, ?, ?, ?, ?)""")
        .params(ngoId, l.provinceGroup(), l.regencyGroup(), l.address(), by, now())
        .update(key, "id");
    return key.getKey().longValue();
  }

  List<NgoLocation> locations(long ngoId) {
    return jdbc.query("SELECT * FROM ngo_location WHERE ngo_id = ? ORDER BY province_group, id",
        (rs, n) -> new NgoLocation(rs.getLong("id"), rs.getLong("ngo_id"), rs.getString("province_group"),
            rs.getString("regency_group"), rs.getString("address"), rs.getString("recorded_by"),
            rs.getTimestamp("recorded_at").toInstant()),
        ngoId);
  }

  List<NgoStaff> staff(long ngoId) {
    return jdbc.query("SELECT * FROM ngo_staff WHERE ngo_id = ? ORDER BY period_start, id", STAFF, ngoId);
  }

  /** Staff whose stay ends between the two days (both included), of every NGO. */
  List<NgoStaff> staffEndingBetween(LocalDate from, LocalDate to) {
    return jdbc.query("SELECT * FROM ngo_staff WHERE period_end BETWEEN ? AND ? ORDER BY period_end, id", STAFF,
        Date.valueOf(from), Date.valueOf(to));
  }

  /** Active permits that end between the two days (both included), of every NGO. */
  List<NgoPermit> permitsEndingBetween(LocalDate from, LocalDate to) {
    return jdbc.query("SELECT * FROM ngo_permit WHERE state = 'ACTIVE' AND valid_until BETWEEN ? AND ? "
        + "ORDER BY valid_until, id", PERMIT, Date.valueOf(from), Date.valueOf(to));
  }

  long insertSanction(long ngoId, String kind, String reason, LocalDate decidedOn, LocalDate respondBy,
                      LocalDate suspendedUntil, String decidedBy, String state) {
    KeyHolder key = new GeneratedKeyHolder();
    client.sql("""
          INSERT INTO ngo_sanction (ngo_id, kind, reason, decided_on, respond_by, suspended_until, decided_by, state,
            recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(ngoId, kind, reason, Date.valueOf(decidedOn), respondBy == null ? null : Date.valueOf(respondBy),
            suspendedUntil == null ? null : Date.valueOf(suspendedUntil), decidedBy, state, now())
        .update(key, "id");
    return key.getKey().longValue();
  }

  void updateSanction(long id, String state, String response) {
    jdbc.update("UPDATE ngo_sanction SET state = ?, response = COALESCE(?, response) WHERE id = ?",
        state, response, id);
  }

  List<NgoSanction> sanctions(long ngoId) {
    return jdbc.query("SELECT * FROM ngo_sanction WHERE ngo_id = ? ORDER BY decided_on, id",
        (rs, n) -> new NgoSanction(rs.getLong("id"), rs.getLong("ngo_id"), rs.getString("kind"),
            rs.getString("reason"), date(rs, "decided_on"), date(rs, "respond_by"), date(rs, "suspended_until"),
            rs.getString("decided_by"), rs.getString("response"), rs.getString("state")),
        ngoId);
  }

  /** The foreign-NGO agreements the NGO is a party of (registry table), newest first. */
  List<Long> agreementIds(String groupId) {
    return jdbc.queryForList("SELECT id FROM agreement WHERE ngo_group = ? ORDER BY id DESC", Long.class, groupId);
  }

  private static Timestamp now() {
    return Timestamp.from(BusinessClock.now());
  }

  private static LocalDate date(ResultSet rs, String column) throws SQLException {
    Date d = rs.getDate(column);
    return d == null ? null : d.toLocalDate();
  }

  private static final RowMapper<Ngo> NGO = (rs, n) -> new Ngo(rs.getLong("id"), rs.getString("group_id"),
      rs.getString("name"), rs.getString("country"), rs.getString("legal_documents"), rs.getString("contact_name"),
      rs.getString("contact_email"), rs.getString("contact_phone"), rs.getString("local_office"),
      NgoStatus.valueOf(rs.getString("status")), rs.getString("created_by"),
      rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());

  private static final RowMapper<NgoPermit> PERMIT = (rs, n) -> new NgoPermit(rs.getLong("id"), rs.getLong("ngo_id"),
      rs.getString("kind"), rs.getString("state"), (Long) rs.getObject("agreement_id", Long.class),
      date(rs, "issued_on"), date(rs, "valid_until"), rs.getString("issued_by"), rs.getInt("renewed_times"),
      rs.getString("notes"), rs.getTimestamp("recorded_at").toInstant());

  private static final RowMapper<NgoStaff> STAFF = (rs, n) -> new NgoStaff(rs.getLong("id"), rs.getLong("ngo_id"),
      rs.getString("name"), rs.getString("nationality"), rs.getString("passport_number"), rs.getString("position"),
      rs.getString("stay_permit_number"), date(rs, "period_start"), date(rs, "period_end"),
      rs.getString("recorded_by"));
}
