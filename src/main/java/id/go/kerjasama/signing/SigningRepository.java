package id.go.kerjasama.signing;

import id.go.kerjasama.platform.time.BusinessClock;
import id.go.kerjasama.registry.DocumentKind;
import id.go.kerjasama.registry.Status;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/** The signing history and the registry's current document, through plain JDBC. */
@Repository
public class SigningRepository {

  private final JdbcTemplate jdbc;

  public SigningRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public void insert(long agreementId, int term, DocumentKind kind, String number, String signatories,
                     LocalDate signedOn, LocalDate start, LocalDate end, String source, String user) {
    jdbc.update("""
        INSERT INTO agreement_signing (agreement_id, term, document_kind, document_number, signatories, signed_on,
          start_date, end_date, source, recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        agreementId, term, kind.name(), number, signatories, date(signedOn), date(start), date(end), source, user,
        Timestamp.from(BusinessClock.now()));
  }

  /**
   * Makes the signed document the agreement's current one; a binding document
   * (MSP, MoU, PKS) puts the agreement in force.
   */
  public void updateAgreement(long agreementId, DocumentKind kind, String number, String signatories,
                              LocalDate signedOn, LocalDate start, LocalDate end) {
    updateAgreement(agreementId, kind, number, signatories, signedOn, start, end, kind.binding());
  }

  /**
   * As {@link #updateAgreement(long, DocumentKind, String, String, LocalDate, LocalDate, LocalDate)}, putting
   * the agreement in force only when {@code putInForce} (a document still to be co-signed by its partner: not
   * yet, {@link #putInForce(long)} follows).
   */
  void updateAgreement(long agreementId, DocumentKind kind, String number, String signatories,
                       LocalDate signedOn, LocalDate start, LocalDate end, boolean putInForce) {
    if (putInForce) {
      jdbc.update("""
          UPDATE agreement SET document_kind = ?, document_number = ?, signatories = ?, signed_on = ?,
            start_date = ?, end_date = ?, status = ?, status_reason = NULL, updated_at = ? WHERE id = ?""",
          kind.name(), number, signatories, date(signedOn), date(start), date(end), Status.ACTIVE.name(),
          Timestamp.from(BusinessClock.now()), agreementId);
    } else {
      jdbc.update("""
          UPDATE agreement SET document_kind = ?, document_number = ?, signatories = ?, signed_on = ?,
            start_date = ?, end_date = ?, updated_at = ? WHERE id = ?""",
          kind.name(), number, signatories, date(signedOn), date(start), date(end),
          Timestamp.from(BusinessClock.now()), agreementId);
    }
  }

  /** Puts the agreement in force once the last party has signed its current document. */
  void putInForce(long agreementId) {
    jdbc.update("UPDATE agreement SET status = ?, status_reason = NULL, updated_at = ? WHERE id = ?",
        Status.ACTIVE.name(), Timestamp.from(BusinessClock.now()), agreementId);
  }

  /** The agreement's signing history, oldest first. */
  public List<SigningRecord> history(long agreementId) {
    return jdbc.query("SELECT * FROM agreement_signing WHERE agreement_id = ? ORDER BY recorded_at, id",
        RECORD, agreementId);
  }

  public List<SigningRecord> history(long agreementId, int term) {
    return jdbc.query("SELECT * FROM agreement_signing WHERE agreement_id = ? AND term = ? ORDER BY recorded_at, id",
        RECORD, agreementId, term);
  }

  private static Date date(LocalDate d) {
    return d == null ? null : Date.valueOf(d);
  }

  private static LocalDate localDate(ResultSet rs, String column) throws SQLException {
    Date d = rs.getDate(column);
    return d == null ? null : d.toLocalDate();
  }

  private static final RowMapper<SigningRecord> RECORD = (rs, n) -> new SigningRecord(
      rs.getLong("id"), rs.getLong("agreement_id"), rs.getInt("term"),
      DocumentKind.valueOf(rs.getString("document_kind")), rs.getString("document_number"),
      rs.getString("signatories"), localDate(rs, "signed_on"), localDate(rs, "start_date"),
      localDate(rs, "end_date"), rs.getString("source"), rs.getString("recorded_by"),
      rs.getTimestamp("recorded_at").toInstant());
}
