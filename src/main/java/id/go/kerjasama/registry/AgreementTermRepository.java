package id.go.kerjasama.registry;

import java.sql.Date;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/** The table {@code agreement_term}: one row per term of an agreement. */
@Repository
public class AgreementTermRepository {

  private final JdbcTemplate jdbc;

  public AgreementTermRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Writes the term; a second write of the same term (a job run twice) replaces the first. */
  public void save(AgreementTerm t) {
    jdbc.update("DELETE FROM agreement_term WHERE agreement_id = ? AND term = ?", t.agreementId(), t.term());
    jdbc.update("""
        INSERT INTO agreement_term (agreement_id, term, start_date, end_date, first_cycle_year, last_cycle_year,
          renewal_starts_on, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)""",
        t.agreementId(), t.term(), Date.valueOf(t.startDate()), Date.valueOf(t.endDate()), t.firstCycleYear(),
        t.lastCycleYear(), Date.valueOf(t.renewalStartsOn()), Timestamp.from(t.recordedAt()));
  }

  public Optional<AgreementTerm> find(long agreementId, int term) {
    return jdbc.query("SELECT * FROM agreement_term WHERE agreement_id = ? AND term = ?", ROW, agreementId, term)
        .stream().findFirst();
  }

  public List<AgreementTerm> all(long agreementId) {
    return jdbc.query("SELECT * FROM agreement_term WHERE agreement_id = ? ORDER BY term", ROW, agreementId);
  }

  private static final RowMapper<AgreementTerm> ROW = (rs, n) -> new AgreementTerm(
      rs.getLong("agreement_id"),
      rs.getInt("term"),
      rs.getDate("start_date").toLocalDate(),
      rs.getDate("end_date").toLocalDate(),
      rs.getInt("first_cycle_year"),
      rs.getInt("last_cycle_year"),
      rs.getDate("renewal_starts_on").toLocalDate(),
      rs.getTimestamp("recorded_at").toInstant());
}
