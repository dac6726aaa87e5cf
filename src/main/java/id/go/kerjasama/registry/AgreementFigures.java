package id.go.kerjasama.registry;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The registry's figures for the supervisors' dashboard: counts grouped in
 * SQL, and the few agreements a page of the dashboard names, looked up by
 * registration number. An agreement's provinces are its proposer's province
 * and its location provinces, each once.
 */
@Repository
public class AgreementFigures {

  /** Lookups by registration number go to the database in chunks of this many. */
  static final int CHUNK = 500;

  private static final String SELECT = """
      SELECT id, registration_number, cooperation_type, title, status, status_reason, proposer_province,
        location_provinces, end_date FROM agreement""";

  private final JdbcTemplate jdbc;

  AgreementFigures(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** How many agreements are in one phase, of one type, with one status (names as stored). */
  public record PhaseTypeStatusCount(String phase, String type, String status, long count) {
  }

  /** How many running agreements have exactly these provinces (empty: none). */
  public record ProvincesCount(List<String> provinces, long count) {
  }

  /** An agreement as the dashboard names it. */
  public record Summary(long id, String registrationNumber, String type, String title, String status,
                        String statusReason, List<String> provinces, LocalDate endDate) {
  }

  public List<PhaseTypeStatusCount> countByPhaseTypeAndStatus() {
    return jdbc.query("""
        SELECT phase, cooperation_type, status, COUNT(*) AS n FROM agreement
        GROUP BY phase, cooperation_type, status""",
        (rs, n) -> new PhaseTypeStatusCount(rs.getString("phase"), rs.getString("cooperation_type"),
            rs.getString("status"), rs.getLong("n")));
  }

  /** Running agreements (status not final) grouped by their provinces. */
  public List<ProvincesCount> countRunningByProvinces() {
    Map<List<String>, Long> counts = new HashMap<>();
    jdbc.query("SELECT proposer_province, location_provinces, COUNT(*) AS n FROM agreement WHERE status NOT IN ("
            + finalStatuses() + ") GROUP BY proposer_province, location_provinces",
        rs -> {
          counts.merge(provinces(rs), rs.getLong("n"), Long::sum);
        });
    return counts.entrySet().stream().map(e -> new ProvincesCount(e.getKey(), e.getValue())).toList();
  }

  /**
   * Open tasks due before {@code instant}, grouped by the provinces of their
   * agreement (the agreement whose registration number is the task's process
   * instance's business key; none: empty provinces). One aggregate query over
   * the engine's runtime tables (ACT_RU_TASK, ACT_RU_EXECUTION), not a page of
   * task rows per 500 tasks.
   */
  public List<ProvincesCount> countTasksDueBeforeByProvinces(java.time.Instant instant) {
    Map<List<String>, Long> counts = new HashMap<>();
    jdbc.query("""
        SELECT a.proposer_province, a.location_provinces, COUNT(*) AS n FROM ACT_RU_TASK t
        LEFT JOIN ACT_RU_EXECUTION e ON e.ID_ = t.PROC_INST_ID_
        LEFT JOIN agreement a ON a.registration_number = e.BUSINESS_KEY_
        WHERE t.DUE_DATE_ < ? GROUP BY a.proposer_province, a.location_provinces""",
        rs -> {
          counts.merge(provinces(rs), rs.getLong("n"), Long::sum);
        }, java.sql.Timestamp.from(instant));
    return counts.entrySet().stream().map(e -> new ProvincesCount(e.getKey(), e.getValue())).toList();
  }

  /** How many ACTIVE agreements end on a day from {@code from} to {@code to}, both included. */
  public long countActiveEnding(LocalDate from, LocalDate to) {
    Long n = jdbc.queryForObject("""
        SELECT COUNT(*) FROM agreement WHERE status = ? AND end_date >= ? AND end_date <= ?""", Long.class,
        Status.ACTIVE.name(), Date.valueOf(from), Date.valueOf(to));
    return n == null ? 0 : n;
  }

  /** The first {@code max} ACTIVE agreements that end from {@code from} to {@code to}, soonest first. */
  public List<Summary> activeEnding(LocalDate from, LocalDate to, int max) {
    return jdbc.query(SELECT + " WHERE status = ? AND end_date >= ? AND end_date <= ? ORDER BY end_date, id LIMIT "
        + Math.max(0, max), (rs, n) -> summary(rs), Status.ACTIVE.name(), Date.valueOf(from), Date.valueOf(to));
  }

  /** The agreements with these registration numbers (missing ones are left out), by number. */
  public Map<String, Summary> byRegistrationNumbers(Collection<String> numbers) {
    List<String> distinct = numbers.stream().filter(n -> n != null).distinct().toList();
    Map<String, Summary> found = new HashMap<>();
    for (int i = 0; i < distinct.size(); i += CHUNK) {
      List<String> chunk = distinct.subList(i, Math.min(distinct.size(), i + CHUNK));
      String marks = String.join(", ", java.util.Collections.nCopies(chunk.size(), "?"));
      jdbc.query(SELECT + " WHERE registration_number IN (" + marks + ")", rs -> {
        Summary s = summary(rs);
        found.putIfAbsent(s.registrationNumber(), s);
      }, chunk.toArray());
    }
    return found;
  }

  private static Summary summary(ResultSet rs) throws SQLException {
    Date end = rs.getDate("end_date");
    return new Summary(rs.getLong("id"), rs.getString("registration_number"), rs.getString("cooperation_type"),
        rs.getString("title"), rs.getString("status"), rs.getString("status_reason"), provinces(rs),
        end == null ? null : end.toLocalDate());
  }

  private static List<String> provinces(ResultSet rs) throws SQLException {
    Set<String> provinces = new LinkedHashSet<>();
    if (rs.getString("proposer_province") != null) {
      provinces.add(rs.getString("proposer_province"));
    }
    String locations = rs.getString("location_provinces");
    if (locations != null && !locations.isBlank()) {
      provinces.addAll(Arrays.asList(locations.split(",")));
    }
    return List.copyOf(provinces);
  }

  private static String finalStatuses() {
    return Arrays.stream(Status.values()).filter(Status::isFinal).map(s -> "'" + s.name() + "'")
        .collect(Collectors.joining(", "));
  }
}
