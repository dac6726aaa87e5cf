package id.go.kerjasama.agreement;

import java.sql.Date;
import java.time.LocalDate;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Reads the principle permit from central approval's table
 * {@code principle_permit} (the latest GRANTED row counts). While that table
 * does not exist (a database without the central-approval migration), no
 * permit is known and the signing falls back to the 3-year maximum.
 */
@Component
public class JdbcPrinciplePermits implements PrinciplePermits {

  static final String TABLE = "principle_permit";

  private final JdbcTemplate jdbc;
  private volatile boolean tableSeen;

  public JdbcPrinciplePermits(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public Optional<LocalDate> validUntil(long agreementId) {
    if (!tableExists()) {
      return Optional.empty();
    }
    return jdbc.queryForList("""
            SELECT valid_until FROM principle_permit
            WHERE agreement_id = ? AND decision = 'GRANTED' AND valid_until IS NOT NULL
            ORDER BY recorded_at DESC, id DESC""", Date.class, agreementId)
        .stream().findFirst().map(Date::toLocalDate);
  }

  /** Asked of the catalogue, never by a failing query: on PostgreSQL that would abort the transaction. */
  private boolean tableExists() {
    if (!tableSeen) {
      Integer count = jdbc.queryForObject(
          "SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES WHERE LOWER(TABLE_NAME) = '" + TABLE + "'", Integer.class);
      tableSeen = count != null && count > 0;
    }
    return tableSeen;
  }
}
