package id.go.kerjasama.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.go.kerjasama.ProcessTest;
import id.go.kerjasama.ProcessTestSupport;
import id.go.kerjasama.platform.web.ForbiddenException;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The supervisors' dashboard: what it counts and who may see it. */
@ProcessTest
class DashboardServiceTest extends ProcessTestSupport {

  @Autowired
  DashboardService dashboard;
  @Autowired
  AdminAccess access;
  @Autowired
  JdbcTemplate jdbc;
  @Autowired
  TaskService taskService;

  @Test
  void countsAgreementsByPhaseTypeProvinceEndDateAndEvaluation() {
    DashboardService.Dashboard before = dashboard.dashboard();
    LocalDate today = today();
    long ending = insert("KS-DN-2099-900001", "DALAM_NEGERI", "MONITORING", "ACTIVE", "province-94",
        today.plusMonths(3));
    insert("KS-LN-2099-900002", "LUAR_NEGERI", "EVALUATION", "ACTIVE", "province-94,province-95",
        today.plusMonths(10));
    insert("KS-LN-2099-900003", "LUAR_NEGERI", "CLOSED", "CLOSED", "province-95", today.minusMonths(1));
    evaluation(ending, 2097, "KURANG", "DO_NOT_EXTEND");
    evaluation(ending, 2098, "BAIK", "CONTINUE_WITH_IMPROVEMENTS");

    DashboardService.Dashboard after = dashboard.dashboard();

    assertThat(after.totalAgreements() - before.totalAgreements()).isEqualTo(3);
    assertThat(after.runningAgreements() - before.runningAgreements()).isEqualTo(2);
    assertThat(phase(after, "MONITORING").get("DALAM_NEGERI") - phase(before, "MONITORING").get("DALAM_NEGERI"))
        .isEqualTo(1);
    assertThat(phase(after, "CLOSED").get("LUAR_NEGERI") - phase(before, "CLOSED").get("LUAR_NEGERI")).isEqualTo(1);
    assertThat(phase(after, "EVALUATION").get("LUAR_NEGERI") - phase(before, "EVALUATION").get("LUAR_NEGERI"))
        .isEqualTo(1);
    // running agreements per location province, with the province's name
    assertThat(bar(after.byProvince(), "province-94") - bar(before.byProvince(), "province-94")).isEqualTo(2);
    assertThat(bar(after.byProvince(), "province-95") - bar(before.byProvince(), "province-95")).isEqualTo(1);
    assertThat(after.byProvince()).anyMatch(b -> b.key().equals("province-94") && b.label().equals("Papua Tengah"));
    // ending within 6 and 12 months
    assertThat(after.endingWithin6Months() - before.endingWithin6Months()).isEqualTo(1);
    assertThat(after.endingWithin12Months() - before.endingWithin12Months()).isEqualTo(2);
    assertThat(after.endingSoon()).anySatisfy(e -> {
      assertThat(e.registrationNumber()).isEqualTo("KS-DN-2099-900001");
      assertThat(e.provinces()).containsExactly("Papua Tengah");
      assertThat(e.typeLabel()).isEqualTo("Kerja sama dalam negeri");
    });
    // the latest rated evaluation of each agreement counts, with its Indonesian label
    assertThat(bar(after.ratings(), "BAIK") - bar(before.ratings(), "BAIK")).isEqualTo(1);
    assertThat(bar(after.ratings(), "KURANG")).isEqualTo(bar(before.ratings(), "KURANG"));
    assertThat(after.ratings()).extracting(DashboardService.Bar::label)
        .containsExactly("Sangat baik", "Baik", "Cukup", "Kurang");
    assertThat(bar(after.recommendations(), "CONTINUE_WITH_IMPROVEMENTS")
        - bar(before.recommendations(), "CONTINUE_WITH_IMPROVEMENTS")).isEqualTo(1);
    assertThat(after.recommendations()).extracting(DashboardService.Bar::label)
        .containsExactly("Lanjutkan", "Lanjutkan dengan perbaikan", "Tidak diperpanjang");
    assertThat(after.ratedAgreements() - before.ratedAgreements()).isEqualTo(1);
  }

  @Test
  void countsOverdueTasksByTheProvinceOfTheirAgreement() {
    DashboardService.Dashboard before = dashboard.dashboard();
    ProcessInstance started = submit("province-96", proposal("LUAR_NEGERI", "province-96", "96"));
    Task review = taskService.createTaskQuery().processInstanceBusinessKey(started.getBusinessKey()).list().get(0);
    review.setDueDate(java.util.Date.from(id.go.kerjasama.platform.time.BusinessClock.now().minusSeconds(3600)));
    taskService.saveTask(review);

    DashboardService.Dashboard after = dashboard.dashboard();

    assertThat(after.overdueTasks() - before.overdueTasks()).isEqualTo(1);
    assertThat(bar(after.overdueByProvince(), "province-96") - bar(before.overdueByProvince(), "province-96"))
        .isEqualTo(1);
  }

  @Test
  void showsFinishedInstancesWithTheirHistory() {
    ProcessInstance started = submit("province-91", proposal("LUAR_NEGERI", "province-91", "91"));
    // the DPRD and Kemlu come before Fasker's verification
    complete("province-91", openTask(started.getBusinessKey(), "UserTask_RecordDprdApproval"),
        id.go.kerjasama.approval.ApprovalWalk.approving("UserTask_RecordDprdApproval"));
    complete("ministry-kemlu", openTask(started.getBusinessKey(), "UserTask_ConsultKemlu"),
        id.go.kerjasama.approval.ApprovalWalk.approving("UserTask_ConsultKemlu"));
    complete("fasker", openTask(started.getBusinessKey(), "UserTask_ReviewByFasker"),
        decision("REFUSED", "Tidak sesuai prioritas daerah"));

    List<DashboardService.Finished> finished = dashboard.finished(500);
    DashboardService.Finished refused = finished.stream()
        .filter(f -> started.getBusinessKey().equals(f.registrationNumber())).findFirst().orElseThrow();
    assertThat(refused.statusLabel()).isEqualTo("Ditolak");
    assertThat(refused.typeLabel()).isEqualTo("Kerja sama luar negeri");

    DashboardService.History history = dashboard.history(refused.processInstanceId());
    assertThat(history.phases()).extracting(DashboardService.PhaseInstance::processKey).contains("central-approval");
    assertThat(history.tasks()).extracting(DashboardService.TaskRecord::name).contains("Verifikasi usulan kerja sama (Kemendagri)");
    assertThat(history.timeline()).anySatisfy(e -> {
      assertThat(e.outcome()).isEqualTo("REFUSED");
      assertThat(e.notes()).isEqualTo("Tidak sesuai prioritas daerah");
      assertThat(e.actor()).isEqualTo("t-fasker");
    });
  }

  @Test
  void onlySupervisorsFaskerAndAdministratorsSeeIt() {
    List.of("supervisor", "fasker", "camunda-admin", "province-32").forEach(this::userOf);
    for (String group : List.of("supervisor", "fasker", "camunda-admin")) {
      actAs(group);
      access.checkDashboard();
    }
    actAs("province-32");
    assertThatThrownBy(access::checkDashboard).isInstanceOf(ForbiddenException.class)
        .hasMessageContaining("pengawas");
    actAs("supervisor");
    assertThatThrownBy(access::checkAdmin).isInstanceOf(ForbiddenException.class)
        .hasMessageContaining("administrator");
    actAs("camunda-admin");
    access.checkAdmin();
    actAsSystem();
    assertThatThrownBy(access::checkDashboard).isInstanceOf(ForbiddenException.class);
  }

  private long insert(String number, String type, String phase, String status, String provinces, LocalDate end) {
    Timestamp now = new Timestamp(System.currentTimeMillis());
    jdbc.update("""
        INSERT INTO agreement (registration_number, cooperation_type, title, partner_name, partner_country,
          proposer_unit, location_provinces, sectors, proposed_start, duration_months, phase, status, end_date,
          created_at, updated_at) VALUES (?, ?, ?, 'Mitra', 'Indonesia', 'ministry-kemendagri', ?, 'SOSIAL', ?, 12,
          ?, ?, ?, ?, ?)""",
        number, type, "Uji dasbor " + number, provinces, Date.valueOf(today()), phase, status, Date.valueOf(end), now, now);
    return jdbc.queryForObject("SELECT id FROM agreement WHERE registration_number = ?", Long.class, number);
  }

  private void evaluation(long agreementId, int budgetYear, String rating, String recommendation) {
    jdbc.update("""
        INSERT INTO evaluation (agreement_id, budget_year, term, kind, evaluated_by, rating, recommendation)
        VALUES (?, ?, 1, 'ANNUAL', 't-fasker', ?, ?)""", agreementId, budgetYear, rating, recommendation);
  }

  private static Map<String, Long> phase(DashboardService.Dashboard d, String phase) {
    return d.byPhaseAndType().stream().filter(r -> r.phase().equals(phase)).findFirst().orElseThrow().byType();
  }

  private static long bar(List<DashboardService.Bar> bars, String key) {
    Map<String, Long> byKey = bars.stream().collect(Collectors.toMap(DashboardService.Bar::key,
        DashboardService.Bar::value));
    return byKey.getOrDefault(key, 0L);
  }
}
