package id.go.kerjasama.it;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.kerjasama.operations.DashboardService;
import id.go.kerjasama.platform.time.BusinessClock;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The dashboard's figures as the registry and evaluation count them in SQL
 * (GROUP BY, NOT EXISTS, LIMIT) on PostgreSQL, with an agreement of its own in
 * a province no other test uses.
 */
class DashboardFiguresIT extends IntegrationTest {

  static final String PROVINCE = "province-it-dashboard";

  @Autowired
  DashboardService dashboard;
  @Autowired
  JdbcTemplate jdbc;

  @Test
  void theRegistryAndTheEvaluationCountTheirOwnRows() {
    LocalDate today = BusinessClock.today();
    String number = "KS-DN-2099-" + (800000 + ThreadLocalRandom.current().nextInt(100000));
    Timestamp now = new Timestamp(System.currentTimeMillis());
    jdbc.update("""
        INSERT INTO agreement (registration_number, cooperation_type, title, partner_name, partner_country,
          proposer_unit, location_provinces, sectors, proposed_start, duration_months, phase, status, end_date,
          created_at, updated_at) VALUES (?, 'DALAM_NEGERI', ?, 'Mitra', 'Indonesia', 'ministry-kemendagri', ?,
          'SOSIAL', ?, 12, 'MONITORING', 'ACTIVE', ?, ?, ?)""",
        number, "Uji dasbor " + number, PROVINCE + "," + PROVINCE, Date.valueOf(today), Date.valueOf(today.plusDays(20)),
        now, now);
    long id = jdbc.queryForObject("SELECT id FROM agreement WHERE registration_number = ?", Long.class, number);
    for (int year = 2097; year <= 2098; year++) {
      jdbc.update("""
          INSERT INTO evaluation (agreement_id, budget_year, term, kind, evaluated_by, rating, recommendation)
          VALUES (?, ?, 1, 'ANNUAL', 'it-fasker', ?, ?)""", id, year, year == 2098 ? "SANGAT_BAIK" : "KURANG",
          year == 2098 ? "CONTINUE" : "DO_NOT_EXTEND");
    }

    DashboardService.Dashboard d = dashboard.dashboard();

    assertThat(d.totalAgreements()).isEqualTo(jdbc.queryForObject("SELECT COUNT(*) FROM agreement", Long.class));
    assertThat(d.byProvince()).anySatisfy(b -> {
      assertThat(b.key()).isEqualTo(PROVINCE);
      assertThat(b.value()).isEqualTo(1);
    });
    assertThat(d.endingWithin6Months()).isPositive();
    assertThat(d.endingSoon()).anySatisfy(e -> {
      assertThat(e.registrationNumber()).isEqualTo(number);
      assertThat(e.daysLeft()).isEqualTo(20);
      assertThat(e.provinces()).containsExactly(PROVINCE);
    });
    assertThat(d.ratings()).anySatisfy(b -> {
      assertThat(b.key()).isEqualTo("SANGAT_BAIK");
      assertThat(b.value()).isPositive();
    });
    assertThat(d.ratedAgreements()).isEqualTo(jdbc.queryForObject(
        "SELECT COUNT(DISTINCT agreement_id) FROM evaluation WHERE rating IS NOT NULL", Long.class));
    assertThat(dashboard.finished(10)).hasSizeLessThanOrEqualTo(10);
  }
}
