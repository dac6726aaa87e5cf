package id.go.kerjasama.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.kerjasama.ProcessTestSupport;
import id.go.kerjasama.approval.ApprovalProcess;
import id.go.kerjasama.approval.ApprovalWalk;
import id.go.kerjasama.documents.DocumentService;
import id.go.kerjasama.evaluation.Criterion;
import id.go.kerjasama.registry.Agreement;
import id.go.kerjasama.registry.AgreementService;
import id.go.kerjasama.registry.AgreementTermRepository;
import id.go.kerjasama.signing.SigningWalk;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Helpers to walk an agreement through its lifecycle as the users of each
 * role: approval, signing, the yearly cycles, timers (fired by hand, the job
 * executor is off) and the evaluation forms.
 */
public abstract class LifecycleTestSupport extends ProcessTestSupport {

  @Autowired
  protected AgreementService agreements;
  @Autowired
  protected AgreementTermRepository terms;
  @Autowired
  protected DocumentService documents;

  /** Central approval along the proposal's route, approving every step (see ApprovalWalk). */
  protected List<ApprovalWalk.Step> approve(String key) {
    return new ApprovalWalk(processEngine, this::complete).approve(key);
  }

  /** Central approval of a foreign-NGO proposal whose principle permit is valid until {@code validUntil}. */
  protected List<ApprovalWalk.Step> approveWithPermitUntil(String key, LocalDate validUntil) {
    return new ApprovalWalk(processEngine, (group, task, values) -> {
      Map<String, Object> answer = new HashMap<>(values);
      if (task.getTaskDefinitionKey().equals(ApprovalProcess.TASK_DECIDE_PRINCIPLE_PERMIT)) {
        answer.put(ApprovalProcess.FIELD_VALID_UNTIL, validUntil.toString());
      }
      complete(group, task, answer);
    }).approve(key);
  }

  /**
   * Signs the agreement along its type's signing path (MSP draft, legal review and MSP; LoI and MoU; Nota
   * Kesepahaman and PKS), uploading each signed document first (see SigningWalk); the binding document gets
   * {@code number} and the dates. {@code group} is the group expected on every signing task.
   */
  protected List<SigningWalk.Step> sign(String key, String group, String number, LocalDate start, LocalDate end) {
    List<SigningWalk.Step> steps = new SigningWalk(processEngine, documents, this::complete)
        .sign(key, number, today(), start, end);
    assertThat(steps).as("signing of " + key).isNotEmpty().allMatch(s -> s.group().equals(group));
    return steps;
  }

  /** Submits, approves and signs a cooperation; returns its lifecycle instance. */
  protected ProcessInstance signed(String type, String proposer, String province, LocalDate start, LocalDate end) {
    ProcessInstance pi = submit(proposer, proposal(type, proposer, province));
    approve(pi.getBusinessKey());
    sign(pi.getBusinessKey(), proposer, "DOK-" + pi.getBusinessKey(), start, end);
    return pi;
  }

  /**
   * One budget year (the year of the open work plan): work plan, monitoring,
   * self-evaluation and Fasker's evaluation with that score everywhere.
   */
  protected void walkCycle(String key, String implementer, int score) {
    walkWorkPlan(key, implementer);
    walkMonitoring(key, implementer);
    walkEvaluation(key, implementer, score);
  }

  /** The open work plan of the year: drafted for the whole budget year, reviewed and verified. */
  protected void walkWorkPlan(String key, String implementer) {
    Task draft = task(key, "UserTask_DraftWorkPlan");
    int year = ((Number) processEngine.getTaskService().getVariable(draft.getId(), "cycleYear")).intValue();
    complete(implementer, draft, workPlan(year));
    completeEach(key, "UserTask_ReviewWorkPlanProvince", decision("APPROVED", null));
    completeEach(key, "UserTask_ReviewWorkPlanPartnerMinistry", decision("APPROVED", null));
    complete("fasker", task(key, "UserTask_VerifyWorkPlan"), decision("APPROVED", null));
  }

  /** Every report of the year (semesters; the last is the annual report), verified and accepted. */
  protected void walkMonitoring(String key, String implementer) {
    for (int period = 1; openTask(key, "UserTask_SubmitProgressReport") != null; period++) {
      assertThat(period).as("reports of " + key).isLessThanOrEqualTo(4);
      complete(implementer, task(key, "UserTask_SubmitProgressReport"), report("Capaian periode " + period));
      completeEach(key, "UserTask_VerifyProgressReport", decision("VERIFIED", null));
      complete("fasker", task(key, "UserTask_ReviewProgressReport"), decision("ACCEPTED", null));
    }
  }

  protected void walkEvaluation(String key, String implementer, int score) {
    complete(implementer, task(key, "UserTask_SelfEvaluate"), selfEvaluation(score, 90));
    complete("fasker", task(key, "UserTask_EvaluateCooperation"), evaluation(score, score, null));
  }

  /** Completes every open task with that key, each as a member of its candidate group. */
  protected void completeEach(String key, String taskKey, Map<String, Object> values) {
    for (Task task : processEngine.getTaskService().createTaskQuery().processInstanceBusinessKey(key)
        .taskDefinitionKey(taskKey).list()) {
      String group = processEngine.getTaskService().getIdentityLinksForTask(task.getId()).stream()
          .filter(l -> l.getGroupId() != null).findFirst().orElseThrow().getGroupId();
      complete(group, task, values);
    }
  }

  /** The draft form of a work plan for the whole budget year. */
  protected static Map<String, Object> workPlan(int year) {
    Map<String, Object> v = new HashMap<>();
    v.put("objectives", "Meningkatkan kapasitas aparatur tahun " + year);
    v.put("targets", "Target terukur untuk tahun " + year);
    v.put("activities", "Pelatihan dan pendampingan teknis");
    v.put("budgetAmount", 500_000_000L);
    v.put("budgetCurrency", "IDR");
    v.put("planStart", year + "-01-01");
    v.put("planEnd", year + "-12-31");
    v.put("schedule", "Sepanjang tahun anggaran");
    v.put("reportFrequency", "SEMESTER");
    v.put("masterPlanReference", "RIK-01/" + year);
    return v;
  }

  protected static Map<String, Object> report(String achievements) {
    Map<String, Object> v = new HashMap<>();
    v.put("achievements", achievements);
    v.put("obstacles", "Tidak ada");
    v.put("challenges", "Koordinasi lintas daerah");
    v.put("benefits", "Kapasitas aparatur meningkat");
    v.put("budgetRealised", 125_000_000L);
    v.put("budgetCurrency", "IDR");
    return v;
  }

  /** The self-evaluation form: every criterion scored {@code score}; one indicator with 100 as target. */
  protected static Map<String, Object> selfEvaluation(int score, int achieved) {
    Map<String, Object> v = scores(score, score);
    List<Map<String, Object>> indicators = new ArrayList<>();
    indicators.add(Map.of("name", "Desa yang didampingi", "unit", "desa", "target", 100, "achieved", achieved));
    v.put("indicators", indicators);
    v.put("successStories", List.of(Map.of("title", "Posyandu keliling",
        "story", "Kader desa melayani dusun terpencil dengan jadwal bergilir; mudah direplikasi di desa lain.")));
    v.put("notes", "Evaluasi mandiri");
    return v;
  }

  /** Fasker's form: the first criterion scored {@code lowest}, the others {@code score}. */
  protected static Map<String, Object> evaluation(int score, int lowest, String notes) {
    Map<String, Object> v = scores(score, lowest);
    if (notes != null) {
      v.put("notes", notes);
    }
    return v;
  }

  protected static Map<String, Object> scores(int score, int first) {
    Map<String, Object> v = new HashMap<>();
    for (Criterion c : Criterion.values()) {
      v.put(c.scoreField(), String.valueOf(c == Criterion.PROCEDURE_ETHICS ? first : score));
      v.put(c.justificationField(), "Alasan untuk " + c.name().toLowerCase());
    }
    return v;
  }

  /** The timer job of that activity in any instance of the agreement. */
  protected Job timer(String key, String activityId) {
    List<Job> jobs = processEngine.getManagementService().createJobQuery().timers().activityId(activityId).list()
        .stream().filter(j -> key.equals(processEngine.getRuntimeService().createProcessInstanceQuery()
            .processInstanceId(j.getProcessInstanceId()).singleResult().getBusinessKey())).toList();
    assertThat(jobs).as("timer " + activityId + " of " + key).hasSize(1);
    return jobs.get(0);
  }

  /** Lets time pass to the timer's due date (09:00 WIB that day at the earliest), fires it and runs its follow-up jobs. */
  protected void fire(String key, String activityId) {
    Job job = timer(key, activityId);
    Instant due = job.getDuedate().toInstant();
    Instant nine = LocalDate.ofInstant(due, id.go.kerjasama.platform.time.BusinessClock.ZONE).atTime(LocalTime.of(9, 0))
        .atZone(id.go.kerjasama.platform.time.BusinessClock.ZONE).toInstant();
    setClock(due.isAfter(nine) ? due : nine);
    processEngine.getManagementService().executeJob(job.getId());
    runContinuations();
  }

  protected LocalDate dueDay(Job job) {
    return LocalDate.ofInstant(job.getDuedate().toInstant(), id.go.kerjasama.platform.time.BusinessClock.ZONE);
  }

  protected Task task(String key, String taskDefinitionKey) {
    Task task = openTask(key, taskDefinitionKey);
    assertThat(task).as(taskDefinitionKey + " of " + key).isNotNull();
    return task;
  }

  protected Agreement agreementOf(ProcessInstance pi) {
    return agreements.get(((Number) processEngine.getHistoryService().createHistoricVariableInstanceQuery()
        .processInstanceId(pi.getId()).variableName("agreementId").singleResult().getValue()).longValue());
  }
}
