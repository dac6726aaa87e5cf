package id.go.kerjasama.workplan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import id.go.kerjasama.ProcessTest;
import id.go.kerjasama.monitoring.MonitoringProcess;
import id.go.kerjasama.platform.notification.Notification;
import id.go.kerjasama.platform.notification.NotificationRepository;
import id.go.kerjasama.platform.notification.Recipient;
import id.go.kerjasama.platform.web.InvalidInputException;
import id.go.kerjasama.registry.Agreement;
import id.go.kerjasama.registry.CooperationType;
import id.go.kerjasama.registry.NewProposal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.json.SpinJsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A foreign NGO's own annual work plan (RKT) and reports (docs/processes.md
 * "Annual work plan", "Monitoring"; docs/regulations.md A19, A20, A30): the
 * NGO drafts one RKT per location region, each region agrees and co-signs it
 * or rejects it, the Mitra Utama and Fasker follow; the NGO files the reports
 * and its annual report carries a financial report. Regions are the test's
 * own {@code province-NG4xx} groups, NGOs {@code ngo-ng4-…}.
 */
@ProcessTest
class NgoRktProcessTest extends ImplementationTestSupport {

  private static final AtomicInteger SEQUENCE = new AtomicInteger();
  private static final String MINISTRY = "ministry-kemensos";
  private static final String REGION_A = "province-NG401";
  private static final String REGION_B = "province-NG402";

  @Autowired
  JdbcTemplate jdbc;
  @Autowired
  NotificationRepository notifications;

  @Test
  void theNgoDraftsAnRktPerRegionARegionRejectsItsOwnAndTheRestFollowsOnceEachRegionAgreed() {
    String ngo = ngoGroup();
    String otherNgo = ngoGroup();
    Agreement agreement = ngoCooperation(ngo, REGION_A, REGION_B);
    ProcessInstance pi = startWorkPlan(agreement, 2026);
    String key = agreement.registrationNumber();

    // one draft per region, offered to the NGO's staff only
    List<Task> drafts = openTasks(key, WorkPlanProcess.TASK_DRAFT_REGIONAL);
    assertThat(drafts).hasSize(2).allSatisfy(t -> assertThat(candidateGroup(t)).isEqualTo(ngo));
    assertThat(openTasks(key, WorkPlanProcess.TASK_DRAFT)).isEmpty();
    assertThat(drafts).extracting(t -> taskVariables(t).get("rktRegionName"))
        .containsExactlyInAnyOrder(REGION_A, REGION_B);
    assertThat(visibleTasks(ngo, key)).hasSize(2);
    assertThat(visibleTasks(otherNgo, key)).isEmpty();

    // a regency outside the region is refused, nothing is stored
    Task draftA = draftOf(key, REGION_A);
    Map<String, Object> outside = planForm(2026, ReportFrequency.SEMESTER);
    outside.put("locationRegencies", List.of("regency-5171"));
    assertThatThrownBy(() -> complete(ngo, draftA, outside)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("Kota Denpasar tidak berada di wilayah RKT ini");
    assertThat(workPlans.plans(agreement.id())).isEmpty();

    Map<String, Object> planA = planForm(2026, ReportFrequency.SEMESTER);
    planA.put("activities", "Pelatihan kader posyandu di wilayah A");
    complete(ngo, draftOf(key, REGION_A), planA);
    Map<String, Object> planB = planForm(2026, ReportFrequency.SEMESTER);
    planB.put("activities", "Pendampingan desa di wilayah B");
    complete(ngo, draftOf(key, REGION_B), planB);

    // each region reviews its own RKT
    List<Task> reviews = openTasks(key, WorkPlanProcess.TASK_REVIEW_REGIONAL);
    assertThat(reviews).extracting(this::candidateGroup).containsExactlyInAnyOrder(REGION_A, REGION_B);
    assertThat(visibleTasks(REGION_A, key)).singleElement()
        .satisfies(t -> assertThat(t.getTaskDefinitionKey()).isEqualTo(WorkPlanProcess.TASK_REVIEW_REGIONAL));
    Task reviewB = reviewOf(key, REGION_B);
    assertThatThrownBy(() -> complete(REGION_B, reviewB, decision("REJECTED", null)))
        .hasMessageContaining("Catatan wajib diisi");
    complete(REGION_B, reviewB, decision("REJECTED", "Desa sasaran belum disepakati dengan Bappeda"));
    complete(REGION_A, reviewOf(key, REGION_A), decision("APPROVED", "Ditandatangani Sekda"));

    // rejected by its region: the NGO redrafts only that region's RKT, with the region's reason
    Task redraft = openTask(key, WorkPlanProcess.TASK_DRAFT_REGIONAL);
    assertThat(redraft).hasCandidateGroup(ngo);
    Map<String, Object> again = taskVariables(redraft);
    assertThat(again).containsEntry("rktRegionName", REGION_B)
        .containsEntry("activities", "Pendampingan desa di wilayah B");
    assertThat((String) again.get("returnNotes")).isEqualTo(REGION_B + ": Desa sasaran belum disepakati dengan Bappeda");
    assertThat(openTasks(key, WorkPlanProcess.TASK_REVIEW_PARTNER_MINISTRY)).isEmpty();
    planB.put("activities", "Pendampingan desa sasaran yang disepakati Bappeda");
    complete(ngo, redraft, planB);
    complete(REGION_B, reviewOf(key, REGION_B), decision("APPROVED", null));

    // then the Mitra Utama and Fasker, on every region's RKT at once
    complete(MINISTRY, openTask(key, WorkPlanProcess.TASK_REVIEW_PARTNER_MINISTRY), decision("APPROVED", null));
    complete("fasker", openTask(key, WorkPlanProcess.TASK_VERIFY), decision("APPROVED", null));
    assertThat(pi).isEnded().hasPassed(WorkPlanProcess.END_REGIONAL_AGREED, WorkPlanProcess.END_APPROVED);

    List<WorkPlan> versions = workPlans.plans(agreement.id());
    assertThat(versions).extracting(WorkPlan::regionGroup, WorkPlan::status, WorkPlan::submittedBy)
        .containsExactlyInAnyOrder(tuple(REGION_A, WorkPlanStatus.APPROVED, "t-" + ngo),
            tuple(REGION_B, WorkPlanStatus.RETURNED, "t-" + ngo), tuple(REGION_B, WorkPlanStatus.APPROVED, "t-" + ngo));
    WorkPlan agreedB = workPlans.latestInRegion(agreement.id(), 2026, REGION_B).orElseThrow();
    assertThat(agreedB.content().locationProvinces()).containsExactly(REGION_B);
    assertThat(agreedB.content().activities()).isEqualTo("Pendampingan desa sasaran yang disepakati Bappeda");
    assertThat(workPlans.reviews(agreedB.id()))
        .extracting(WorkPlanReview::step, WorkPlanReview::reviewerGroup, WorkPlanReview::decision)
        .containsExactly(tuple(ReviewStep.REGION, REGION_B, "APPROVED"),
            tuple(ReviewStep.PARTNER_MINISTRY, MINISTRY, "APPROVED"), tuple(ReviewStep.FASKER, "fasker", "APPROVED"));
    WorkPlan rejected = versions.stream().filter(p -> p.status() == WorkPlanStatus.RETURNED).findFirst().orElseThrow();
    assertThat(workPlans.reviews(rejected.id())).extracting(WorkPlanReview::decision, WorkPlanReview::notes)
        .containsExactly(tuple("REJECTED", "Desa sasaran belum disepakati dengan Bappeda"));
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM work_plan WHERE agreement_id = ? AND region_group IS NULL",
        Integer.class, agreement.id())).isZero();
  }

  @Test
  void theRegenciesAnRktNamesCoSignItWithTheProvinceAndARegencyRejectingSendsItBack() {
    // real units: the RKT's regencies must lie in its province (Kalimantan Utara, Bulungan and Nunukan)
    String province = "province-65";
    String bulungan = "regency-6502";
    String nunukan = "regency-6503";
    group(bulungan, "Kabupaten Bulungan", "REGENCY");
    group(nunukan, "Kabupaten Nunukan", "REGENCY");
    String ngo = ngoGroup();
    Agreement agreement = ngoCooperation(ngo, province);
    ProcessInstance pi = startWorkPlan(agreement, 2026);
    String key = agreement.registrationNumber();
    Map<String, Object> plan = planForm(2026, ReportFrequency.SEMESTER);
    plan.put("locationRegencies", List.of(bulungan, nunukan));
    plan.put("activities", "Sekolah lapang iklim di Bulungan dan Nunukan");
    complete(ngo, openTask(key, WorkPlanProcess.TASK_DRAFT_REGIONAL), plan);

    // the province and each regency the RKT names co-sign it, in parallel
    assertThat(openTasks(key, WorkPlanProcess.TASK_REVIEW_REGIONAL)).extracting(this::candidateGroup)
        .containsExactlyInAnyOrder(province, bulungan, nunukan);
    assertThat(visibleTasks(bulungan, key)).singleElement().satisfies(t -> assertThat(t.getTaskDefinitionKey())
        .isEqualTo(WorkPlanProcess.TASK_REVIEW_REGIONAL));
    // each co-signer's form names its own region: a regency its regency, not the province
    // (the unit names come from the organisation register, whatever the test's groups are called)
    String bulunganSees = (String) taskVariables(reviewOf(key, bulungan)).get("rktRegionName");
    String nunukanSees = (String) taskVariables(reviewOf(key, nunukan)).get("rktRegionName");
    String provinceSees = (String) taskVariables(reviewOf(key, province)).get("rktRegionName");
    assertThat(bulunganSees).startsWith("Kabupaten ").isNotEqualTo(nunukanSees);
    assertThat(nunukanSees).startsWith("Kabupaten ");
    assertThat(provinceSees).isNotBlank().doesNotStartWith("Kabupaten ").isNotEqualTo(province);
    // a regency cannot sign for the province
    Task provinceTask = reviewOf(key, province);
    assertThatThrownBy(() -> complete(bulungan, provinceTask, decision("APPROVED", null)))
        .isInstanceOf(org.camunda.bpm.engine.AuthorizationException.class);
    complete(bulungan, reviewOf(key, bulungan), decision("APPROVED", "Ditandatangani Sekda Bulungan"));
    complete(nunukan, reviewOf(key, nunukan), decision("REJECTED", "Desa sasaran di Nunukan belum ditetapkan"));

    // one regency rejected: the province's task ends unsigned and the NGO redrafts, with the regency's reason
    assertThat(openTasks(key, WorkPlanProcess.TASK_REVIEW_REGIONAL)).isEmpty();
    Task redraft = openTask(key, WorkPlanProcess.TASK_DRAFT_REGIONAL);
    assertThat(redraft).hasCandidateGroup(ngo);
    assertThat((String) taskVariables(redraft).get("returnNotes"))
        .contains("Desa sasaran di Nunukan belum ditetapkan");
    assertThat(openTasks(key, WorkPlanProcess.TASK_REVIEW_PARTNER_MINISTRY)).isEmpty();
    WorkPlan rejected = workPlans.latestInRegion(agreement.id(), 2026, province).orElseThrow();
    assertThat(rejected.status()).isEqualTo(WorkPlanStatus.RETURNED);
    assertThat(workPlans.reviews(rejected.id())).extracting(WorkPlanReview::reviewerGroup, WorkPlanReview::decision)
        .containsExactlyInAnyOrder(tuple(bulungan, "APPROVED"), tuple(nunukan, "REJECTED"));

    // the redraft drops Nunukan: the province and Bulungan co-sign it
    plan.put("locationRegencies", List.of(bulungan));
    plan.put("activities", "Sekolah lapang iklim di Bulungan");
    complete(ngo, redraft, plan);
    assertThat(openTasks(key, WorkPlanProcess.TASK_REVIEW_REGIONAL)).extracting(this::candidateGroup)
        .containsExactlyInAnyOrder(province, bulungan);
    complete(bulungan, reviewOf(key, bulungan), decision("APPROVED", null));
    assertThat(openTasks(key, WorkPlanProcess.TASK_REVIEW_PARTNER_MINISTRY)).isEmpty();
    complete(province, reviewOf(key, province), decision("APPROVED", "Ditandatangani Sekda Provinsi"));
    complete(MINISTRY, openTask(key, WorkPlanProcess.TASK_REVIEW_PARTNER_MINISTRY), decision("APPROVED", null));
    complete("fasker", openTask(key, WorkPlanProcess.TASK_VERIFY), decision("APPROVED", null));
    assertThat(pi).isEnded().hasPassed(WorkPlanProcess.END_REGIONAL_AGREED, WorkPlanProcess.END_APPROVED);
    WorkPlan agreed = workPlans.latestInRegion(agreement.id(), 2026, province).orElseThrow();
    assertThat(agreed.status()).isEqualTo(WorkPlanStatus.APPROVED);
    assertThat(workPlans.reviews(agreed.id())).extracting(WorkPlanReview::step, WorkPlanReview::reviewerGroup,
        WorkPlanReview::decision).contains(tuple(ReviewStep.REGION, bulungan, "APPROVED"),
        tuple(ReviewStep.REGION, province, "APPROVED"));
  }

  @Test
  void whenTheRegionsRktsDifferTheLastDraftedApprovedRktSetsTheReportingCalendar() {
    String ngo = ngoGroup();
    Agreement agreement = ngoCooperation(ngo, REGION_A, REGION_B);
    ProcessInstance pi = startWorkPlan(agreement, 2026);
    String key = agreement.registrationNumber();
    // region A reports quarterly, region B per semester; B's RKT is drafted last
    complete(ngo, draftOf(key, REGION_A), planForm(2026, ReportFrequency.QUARTERLY));
    complete(ngo, draftOf(key, REGION_B), planForm(2026, ReportFrequency.SEMESTER));
    complete(REGION_B, reviewOf(key, REGION_B), decision("APPROVED", null));
    complete(REGION_A, reviewOf(key, REGION_A), decision("APPROVED", null));
    complete(MINISTRY, openTask(key, WorkPlanProcess.TASK_REVIEW_PARTNER_MINISTRY), decision("APPROVED", null));
    complete("fasker", openTask(key, WorkPlanProcess.TASK_VERIFY), decision("APPROVED", null));
    assertThat(pi).isEnded();

    WorkPlan inForce = workPlans.approved(agreement.id(), 2026).orElseThrow();
    assertThat(inForce.regionGroup()).isEqualTo(REGION_B);
    assertThat(inForce.content().reportFrequency()).isEqualTo(ReportFrequency.SEMESTER);
    ProcessInstance monitoring = startMonitoring(agreement, 2026);
    assertThat(processEngine.getRuntimeService().getVariable(monitoring.getId(), MonitoringProcess.REPORT_PERIODS))
        .isEqualTo("S1,S2");
  }

  @Test
  void aReturnByTheMitraUtamaSendsEveryRegionsRktBackToTheNgo() {
    String ngo = ngoGroup();
    Agreement agreement = ngoCooperation(ngo, REGION_A);
    ProcessInstance pi = startWorkPlan(agreement, 2026);
    String key = agreement.registrationNumber();
    complete(ngo, openTask(key, WorkPlanProcess.TASK_DRAFT_REGIONAL), planForm(2026, ReportFrequency.QUARTERLY));
    complete(REGION_A, openTask(key, WorkPlanProcess.TASK_REVIEW_REGIONAL), decision("APPROVED", null));
    complete(MINISTRY, openTask(key, WorkPlanProcess.TASK_REVIEW_PARTNER_MINISTRY),
        decision("RETURNED", "Anggaran tidak sesuai RIK"));

    Task redraft = openTask(key, WorkPlanProcess.TASK_DRAFT_REGIONAL);
    assertThat(redraft).hasCandidateGroup(ngo);
    assertThat((String) taskVariables(redraft).get("returnNotes")).contains("Anggaran tidak sesuai RIK");
    assertThat(workPlans.latestInRegion(agreement.id(), 2026, REGION_A).orElseThrow().status())
        .isEqualTo(WorkPlanStatus.RETURNED);
    assertThat(pi).isWaitingAt(WorkPlanProcess.TASK_DRAFT_REGIONAL);
  }

  @Test
  void theNgoFilesItsReportsAndItsAnnualReportCarriesAFinancialReport() {
    String ngo = ngoGroup();
    String otherNgo = ngoGroup();
    Agreement agreement = ngoCooperation(ngo, REGION_A);
    approvedPlan(agreement, 2026, ReportFrequency.SEMESTER, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31));
    ProcessInstance pi = startMonitoring(agreement, 2026);
    String key = agreement.registrationNumber();

    Task first = openTask(key, MonitoringProcess.TASK_SUBMIT);
    assertThat(first).hasCandidateGroup(ngo);
    assertThat(visibleTasks(otherNgo, key)).isEmpty();
    assertThat(taskVariables(first)).containsEntry("financialReportRequired", false);
    for (String reader : List.of(MINISTRY, "tpoa-kemlu", REGION_A, "fasker")) {
      userOf(reader);
    }
    complete(ngo, first, reportForm("Semester I: 40 kader terlatih"));

    // the report reaches the Mitra Utama, Kemlu/TPOA and the location region by mail (A40)
    long firstId = jdbc.queryForObject("SELECT id FROM progress_report WHERE agreement_id = ? AND period = 'S1'",
        Long.class, agreement.id());
    Long mail = notifications.findByEventKey("NGO_REPORT:" + firstId).orElseThrow();
    Notification sent = notifications.find(mail).orElseThrow();
    assertThat(sent.subject()).contains("Laporan ormas asing", "semester I", key);
    assertThat(sent.body()).contains("Semester I: 40 kader terlatih");
    assertThat(notifications.recipients(mail)).extracting(Recipient::userId)
        .contains("t-" + MINISTRY, "t-tpoa-kemlu", "t-" + REGION_A).doesNotContain("t-" + otherNgo);
    complete("fasker", openTask(key, MonitoringProcess.TASK_REVIEW), decision("ACCEPTED", null));

    Task annual = openTask(key, MonitoringProcess.TASK_SUBMIT);
    assertThat(annual).hasCandidateGroup(ngo);
    assertThat(taskVariables(annual)).containsEntry("financialReportRequired", true);
    assertThatThrownBy(() -> complete(ngo, annual, reportForm("Tahun 2026: 90 kader terlatih")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("Laporan keuangan (sumber, jumlah dan penggunaan dana) wajib diisi");
    Map<String, Object> withFinances = reportForm("Tahun 2026: 90 kader terlatih");
    withFinances.put("financialReport", "Hibah BMZ EUR 120.000: pelatihan 70%, operasional 30%");
    complete(ngo, openTask(key, MonitoringProcess.TASK_SUBMIT), withFinances);
    complete("fasker", openTask(key, MonitoringProcess.TASK_REVIEW), decision("ACCEPTED", null));
    assertThat(pi).isEnded();

    List<Map<String, Object>> rows = jdbc.queryForList("""
        SELECT period, annual, reporting_unit, submitted_by, financial_report FROM progress_report
        WHERE agreement_id = ? ORDER BY period""", agreement.id());
    assertThat(rows).extracting(r -> r.get("PERIOD"), r -> r.get("REPORTING_UNIT"), r -> r.get("SUBMITTED_BY"),
            r -> r.get("FINANCIAL_REPORT"))
        .containsExactly(tuple("S1", ngo, "t-" + ngo, null),
            tuple("S2", ngo, "t-" + ngo, "Hibah BMZ EUR 120.000: pelatihan 70%, operasional 30%"));
  }

  /** A new NGO group of type NGO (the NGO register creates these; here only the group matters). */
  private String ngoGroup() {
    String id = "ngo-ng4-empat-" + System.nanoTime() % 1_000_000 + "-" + SEQUENCE.incrementAndGet();
    group(id, "Yayasan Empat " + id, "NGO");
    return id;
  }

  private void group(String id, String name, String type) {
    IdentityService identity = processEngine.getIdentityService();
    if (identity.createGroupQuery().groupId(id).count() == 0) {
      Group group = identity.newGroup(id);
      group.setName(name);
      group.setType(type);
      identity.saveGroup(group);
    }
  }

  /** A signed MSP of Kemensos naming the NGO, located in the given regions. */
  private Agreement ngoCooperation(String ngo, String... regions) {
    for (String region : regions) {
      group(region, "Provinsi uji " + region, "PROVINCE");
    }
    LocalDate start = LocalDate.of(2026, 1, 1);
    Agreement agreement = agreements.register(new NewProposal(CooperationType.ORMAS_ASING,
        "Program kader kesehatan Yayasan Empat", "Yayasan Empat", "Jerman", MINISTRY, null, MINISTRY,
        List.of(regions), List.of("KESEHATAN"), start, 24, false, null, null, null, ngo), "t-test", null);
    agreements.recordSigning(agreement.id(), "MSP", "MSP-NG4-" + agreement.id(), "Menteri Sosial, Country Director",
        start, start, start.plusMonths(24));
    return agreements.get(agreement.id());
  }

  private Task draftOf(String key, String region) {
    return openTasks(key, WorkPlanProcess.TASK_DRAFT_REGIONAL).stream()
        .filter(t -> region.equals(taskVariables(t).get("rktRegionName"))).findFirst().orElseThrow();
  }

  private Task reviewOf(String key, String region) {
    return openTasks(key, WorkPlanProcess.TASK_REVIEW_REGIONAL).stream()
        .filter(t -> region.equals(candidateGroup(t))).findFirst().orElseThrow();
  }

  /** The tasks of the agreement the test user of {@code group} sees in Tasklist (authorization checks on). */
  private List<Task> visibleTasks(String group, String key) {
    actAs(group);
    try {
      return processEngine.getTaskService().createTaskQuery().processInstanceBusinessKey(key).list();
    } finally {
      actAsSystem();
    }
  }
}
