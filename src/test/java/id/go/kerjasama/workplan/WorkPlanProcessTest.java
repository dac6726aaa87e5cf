package id.go.kerjasama.workplan;

import id.go.kerjasama.platform.forms.IndonesianFormat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import id.go.kerjasama.ProcessTest;
import id.go.kerjasama.platform.calendar.WorkingDayCalendar;
import id.go.kerjasama.platform.web.InvalidInputException;
import id.go.kerjasama.registry.Agreement;
import id.go.kerjasama.registry.AgreementEvent;
import id.go.kerjasama.registry.CooperationType;
import id.go.kerjasama.registry.ProcessVariables;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.json.SpinJsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Every path of processes/annual-work-plan.bpmn. */
@ProcessTest
class WorkPlanProcessTest extends ImplementationTestSupport {

  @Autowired
  WorkingDayCalendar workingDays;
  @Autowired
  WorkPlanController controller;

  @Test
  void aPlanAcrossSeveralProvincesIsReviewedByEachInParallelAndReturnedByOne() {
    Agreement agreement = signedAgreement(CooperationType.ORMAS_ASING, "ministry-kemensos", LocalDate.of(2026, 3, 1),
        "province-51", "province-52", "province-53");
    ProcessInstance pi = startWorkPlan(agreement, 2026);
    String key = agreement.registrationNumber();

    Task draft = openTask(key, WorkPlanProcess.TASK_DRAFT);
    assertThat(draft).hasCandidateGroup("ministry-kemensos");
    assertThat(draft.getDueDate()).isEqualTo(workingDays.dueIn(20));
    Map<String, Object> prefilled = taskVariables(draft);
    assertThat(prefilled).containsEntry("planStart", "2026-03-01").containsEntry("planEnd", "2026-12-31")
        .containsEntry("budgetCurrency", "IDR").containsEntry("mspReference", agreement.documentNumber());
    // the regencies offered are those of the location provinces
    assertThat(((SpinJsonNode) prefilled.get("regencyOptions")).elements())
        .extracting(n -> n.prop("value").stringValue()).contains("regency-5171").doesNotContain("regency-3273");

    // an NGO plan must name its master plan (RIK)
    Map<String, Object> withoutRik = planForm(2026, ReportFrequency.SEMESTER);
    withoutRik.remove("masterPlanReference");
    assertThatThrownBy(() -> complete("ministry-kemensos", draft, withoutRik))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("Rujukan Rencana Induk Kegiatan (RIK) wajib diisi");
    assertThat(workPlans.plans(agreement.id())).isEmpty();

    complete("ministry-kemensos", openTask(key, WorkPlanProcess.TASK_DRAFT), planForm(2026, ReportFrequency.SEMESTER));
    assertThat(processEngine.getRuntimeService().getVariables(pi.getId()))
        .doesNotContainKeys("objectives", "budgetAmount", "planStart", "regencyOptions", "mspReference")
        .containsEntry(WorkPlanProcess.WORK_PLAN_OUTCOME, "SUBMITTED");

    List<Task> provinceReviews = openTasks(key, WorkPlanProcess.TASK_REVIEW_PROVINCE);
    assertThat(provinceReviews).extracting(this::candidateGroup)
        .containsExactlyInAnyOrder("province-51", "province-52", "province-53");
    assertThat(provinceReviews).allSatisfy(t -> assertThat(t.getDueDate()).isEqualTo(workingDays.dueIn(10)));
    completeEach(key, WorkPlanProcess.TASK_REVIEW_PROVINCE, group -> group.equals("province-52")
        ? decision("RETURNED", "Lokasi kegiatan di Lombok belum dirinci") : decision("APPROVED", null));

    // back to the drafters with every note, the returned version prefilled
    Task redraft = openTask(key, WorkPlanProcess.TASK_DRAFT);
    assertThat(redraft).isNotNull();
    assertThat(openTasks(key, WorkPlanProcess.TASK_REVIEW_PARTNER_MINISTRY)).isEmpty();
    Map<String, Object> again = taskVariables(redraft);
    assertThat((String) again.get("returnNotes")).contains("Provinsi Nusa Tenggara Barat: Lokasi kegiatan di Lombok");
    assertThat(again).containsEntry("objectives", "Meningkatkan kapasitas aparatur daerah")
        .containsEntry("masterPlanReference", "RIK 2026-2028 No. 12/RIK/2026");

    Map<String, Object> revised = planForm(2026, ReportFrequency.SEMESTER);
    revised.put("activities", "Pelatihan di Lombok Timur dan Lombok Barat, pendampingan teknis");
    revised.put("budgetAmount", 1_750_000_000.25d);
    complete("ministry-kemensos", redraft, revised);
    completeEach(key, WorkPlanProcess.TASK_REVIEW_PROVINCE, group -> decision("APPROVED", null));

    Task partner = openTask(key, WorkPlanProcess.TASK_REVIEW_PARTNER_MINISTRY);
    assertThat(partner).hasCandidateGroup("ministry-kemensos");
    complete("ministry-kemensos", partner, decision("APPROVED", null));
    Task verify = openTask(key, WorkPlanProcess.TASK_VERIFY);
    assertThat(verify).hasCandidateGroup("fasker");
    complete("fasker", verify, decision("APPROVED", "Sesuai RIK"));

    assertThat(pi).isEnded().hasPassed(WorkPlanProcess.END_APPROVED);
    List<WorkPlan> versions = workPlans.plans(agreement.id());
    assertThat(versions).extracting(WorkPlan::version, WorkPlan::status)
        .containsExactly(tuple(1, WorkPlanStatus.RETURNED), tuple(2, WorkPlanStatus.APPROVED));
    WorkPlan approved = workPlans.approved(agreement.id(), 2026).orElseThrow();
    assertThat(approved.content().budgetAmount()).isEqualByComparingTo(new BigDecimal("1750000000.25"));
    assertThat(approved.content().masterPlanReference()).isEqualTo("RIK 2026-2028 No. 12/RIK/2026");
    assertThat(approved.content().mspReference()).isEqualTo(agreement.documentNumber());
    assertThat(approved.content().locationProvinces()).containsExactly("province-51", "province-52", "province-53");
    assertThat(approved.submittedBy()).isEqualTo("t-ministry-kemensos");
    assertThat(workPlans.reviews(versions.get(0).id()))
        .extracting(WorkPlanReview::step, WorkPlanReview::reviewerGroup, WorkPlanReview::decision)
        .containsExactlyInAnyOrder(tuple(ReviewStep.PROVINCE, "province-51", "APPROVED"),
            tuple(ReviewStep.PROVINCE, "province-52", "RETURNED"), tuple(ReviewStep.PROVINCE, "province-53", "APPROVED"));
    assertThat(workPlans.reviews(approved.id())).extracting(WorkPlanReview::step)
        .containsExactlyInAnyOrder(ReviewStep.PROVINCE, ReviewStep.PROVINCE, ReviewStep.PROVINCE,
            ReviewStep.PARTNER_MINISTRY, ReviewStep.FASKER);
    assertThat(agreements.events(agreement.id())).extracting(AgreementEvent::activity, AgreementEvent::outcome)
        .contains(tuple(WorkPlanProcess.TASK_REVIEW_PROVINCE, "RETURNED"), tuple(WorkPlanProcess.TASK_VERIFY, "APPROVED"));
  }

  @Test
  void aProvinceDoesNotReviewItsOwnPlanRegionalCooperationHasNoPartnerMinistryAndFaskerCanReturn() {
    Agreement agreement = signedAgreement(CooperationType.LUAR_NEGERI, "province-32", LocalDate.of(2026, 2, 2),
        "province-32", "province-33");
    ProcessInstance pi = startWorkPlan(agreement, 2026);
    String key = agreement.registrationNumber();
    Map<String, Object> form = planForm(2026, ReportFrequency.QUARTERLY);
    form.put("locationRegencies", List.of("regency-3273", "3204"));
    complete("province-32", openTask(key, WorkPlanProcess.TASK_DRAFT), form);

    assertThat(openTasks(key, WorkPlanProcess.TASK_REVIEW_PROVINCE)).extracting(this::candidateGroup)
        .containsExactly("province-33");
    completeEach(key, WorkPlanProcess.TASK_REVIEW_PROVINCE, g -> decision("APPROVED", null));
    // no partner ministry for a region's foreign cooperation: straight to Fasker
    assertThat(pi).isWaitingAt(WorkPlanProcess.TASK_VERIFY);
    assertThatThrownBy(() -> complete("fasker", openTask(key, WorkPlanProcess.TASK_VERIFY), decision("RETURNED", null)))
        .hasMessageContaining("Catatan wajib diisi");
    complete("fasker", openTask(key, WorkPlanProcess.TASK_VERIFY), decision("RETURNED", "Target belum terukur"));

    Task redraft = openTask(key, WorkPlanProcess.TASK_DRAFT);
    assertThat((String) taskVariables(redraft).get("returnNotes")).isEqualTo("Pusat Fasilitasi Kerja Sama Kemendagri: Target belum terukur");
    assertThat(workPlans.latest(agreement.id(), 2026).orElseThrow().content().locationRegencies())
        .containsExactly("regency-3273", "regency-3204");
    complete("province-32", redraft, planForm(2026, ReportFrequency.QUARTERLY));
    completeEach(key, WorkPlanProcess.TASK_REVIEW_PROVINCE, g -> decision("APPROVED", null));
    complete("fasker", openTask(key, WorkPlanProcess.TASK_VERIFY), decision("APPROVED", null));

    assertThat(pi).isEnded();
    assertThat(workPlans.approved(agreement.id(), 2026).orElseThrow().content().reportFrequency())
        .isEqualTo(ReportFrequency.QUARTERLY);
    assertThat(workPlans.plans(agreement.id())).hasSize(2);
  }

  @Test
  void aCooperationInsideTheProposersOwnProvinceGoesStraightToFasker() {
    Agreement agreement = signedAgreement(CooperationType.DALAM_NEGERI, "province-35", LocalDate.of(2026, 2, 2),
        "province-35");
    ProcessInstance pi = startWorkPlan(agreement, 2026);
    complete("province-35", openTask(agreement.registrationNumber(), WorkPlanProcess.TASK_DRAFT),
        planForm(2026, ReportFrequency.SEMESTER));
    assertThat(pi).isWaitingAt(WorkPlanProcess.TASK_VERIFY);
  }

  @Test
  void thePartnerMinistryCanReturnThePlan() {
    Agreement agreement = signedAgreement(CooperationType.ORMAS_ASING, "ministry-kemensos", LocalDate.of(2026, 2, 2),
        "province-53");
    ProcessInstance pi = startWorkPlan(agreement, 2026);
    String key = agreement.registrationNumber();
    complete("ministry-kemensos", openTask(key, WorkPlanProcess.TASK_DRAFT), planForm(2026, ReportFrequency.SEMESTER));
    completeEach(key, WorkPlanProcess.TASK_REVIEW_PROVINCE, g -> decision("APPROVED", null));
    complete("ministry-kemensos", openTask(key, WorkPlanProcess.TASK_REVIEW_PARTNER_MINISTRY),
        decision("RETURNED", "Anggaran tidak sesuai RIK"));
    assertThat(pi).isWaitingAt(WorkPlanProcess.TASK_DRAFT);
    assertThat(workPlans.latest(agreement.id(), 2026).orElseThrow().status()).isEqualTo(WorkPlanStatus.RETURNED);
  }

  @Test
  void anInvalidPlanIsRefusedWithEveryProblemAndTheTaskStaysOpen() {
    Agreement agreement = signedAgreement(CooperationType.LUAR_NEGERI, "province-32", LocalDate.of(2026, 2, 2),
        "province-32");
    startWorkPlan(agreement, 2026);
    Map<String, Object> bad = planForm(2026, ReportFrequency.SEMESTER);
    bad.put("planStart", "2025-12-01");
    bad.put("budgetAmount", -5L);
    bad.put("budgetCurrency", "XYZ");
    bad.put("locationRegencies", List.of("regency-3578", "9999"));
    bad.put("reportFrequency", "MONTHLY");
    Task draft = openTask(agreement.registrationNumber(), WorkPlanProcess.TASK_DRAFT);

    assertThatThrownBy(() -> complete("province-32", draft, bad))
        .isInstanceOf(InvalidInputException.class)
        .satisfies(e -> assertThat(((InvalidInputException) e).problems()).containsExactlyInAnyOrder(
            "Kota Surabaya tidak berada di provinsi lokasi kerja sama",
            "Kabupaten/kota lokasi '9999' tidak dikenal",
            "Anggaran paling kecil 0",
            "Mata uang anggaran: kode mata uang 'XYZ' tidak dikenal (ISO 4217, mis. IDR, USD)",
            "Frekuensi laporan kemajuan: pilihan 'MONTHLY' tidak dikenal",
            "Tanggal mulai kegiatan harus dalam tahun anggaran 2026"));
    assertThat(openTask(agreement.registrationNumber(), WorkPlanProcess.TASK_DRAFT)).isNotNull();
    assertThat(workPlans.plans(agreement.id())).isEmpty();
  }

  @Test
  void withoutACycleYearThePlanIsForTheCurrentYearAndTheRegistryShowsIt() {
    Agreement agreement = signedAgreement(CooperationType.DALAM_NEGERI, "regency-3273", LocalDate.of(2026, 2, 2),
        "province-32");
    ProcessInstance pi = startWorkPlan(agreement, null);
    assertThat(processEngine.getRuntimeService().getVariable(pi.getId(), ProcessVariables.CYCLE_YEAR)).isEqualTo(2026);
    String key = agreement.registrationNumber();
    Task draft = openTask(key, WorkPlanProcess.TASK_DRAFT);
    assertThat(((SpinJsonNode) taskVariables(draft).get("regencyOptions")).elements())
        .extracting(n -> n.prop("value").stringValue()).contains("regency-3273", "regency-3204");
    complete("regency-3273", draft, planForm(2026, ReportFrequency.SEMESTER));
    assertThat(openTask(key, WorkPlanProcess.TASK_REVIEW_PROVINCE)).hasCandidateGroup("province-32");

    actAs("province-32");
    try {
      assertThat(controller.list(agreement.id())).singleElement()
          .satisfies(v -> {
            assertThat(v.plan().budgetYear()).isEqualTo(2026);
            assertThat(v.statusLabel()).isEqualTo("Diajukan");
            assertThat(v.reportFrequencyLabel()).isEqualTo("Semesteran");
          });
    } finally {
      actAsSystem();
    }
    actAs("province-33");
    try {
      assertThatThrownBy(() -> controller.list(agreement.id())).hasMessageContaining("tidak berhak");
    } finally {
      actAsSystem();
    }
  }
}
