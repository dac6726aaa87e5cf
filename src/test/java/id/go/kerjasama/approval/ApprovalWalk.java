package id.go.kerjasama.approval;

import id.go.kerjasama.documents.DocumentService;
import id.go.kerjasama.platform.identity.Groups;
import id.go.kerjasama.platform.time.BusinessClock;
import id.go.kerjasama.registry.DocumentKind;
import id.go.kerjasama.registry.ReviewCondition;
import java.util.Arrays;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;

/**
 * Walks a proposal through central approval along whatever route the routing
 * table gave it, approving at every step as the task's candidate group, for
 * tests of later phases:
 * <pre>
 * new ApprovalWalk(processEngine, this::complete).approve(pi.getBusinessKey());
 * </pre>
 * ({@code complete} is {@code ProcessTestSupport.complete}: claim and submit the form as the group's test user.)
 */
public final class ApprovalWalk {

  /** Completes a task as the test user of a group. */
  @FunctionalInterface
  public interface Completer {
    void complete(String group, Task task, Map<String, Object> formValues);
  }

  /** One completed task: its key and the group that completed it. */
  public record Step(String taskKey, String group) {
  }

  private static final int MAX_STEPS = 40;

  /** The user tasks of central approval, which {@link #approving(String)} answers. */
  public static final Set<String> TASKS = Set.of(ApprovalProcess.TASK_CHECK_FILE_COMPLETE,
      ApprovalProcess.TASK_RECOMMEND_PERMIT, ApprovalProcess.TASK_DECIDE_PRINCIPLE_PERMIT,
      ApprovalProcess.TASK_SUPPLY_CLARIFICATION, ApprovalProcess.TASK_REVIEW_BY_PROVINCE,
      ApprovalProcess.TASK_REVIEW_BY_FASKER, ApprovalProcess.TASK_CONSULT_KEMLU,
      ApprovalProcess.TASK_RECORD_DPRD_APPROVAL, ApprovalProcess.TASK_DECIDE_CENTRAL_APPROVAL,
      ApprovalProcess.TASK_REVISE_PROPOSAL, ApprovalProcess.TASK_REVIEW_BY_TKKSD, ApprovalProcess.TASK_RECORD_LOI,
      ApprovalProcess.TASK_DRAFT_COOPERATION_PLAN, ApprovalProcess.TASK_DRAFT_KB, ApprovalProcess.TASK_AGREE_KB_PARTNER,
      ApprovalProcess.TASK_RECORD_KB_SIGNING, ApprovalProcess.TASK_CONFIRM_KB_PARTNER,
      ApprovalProcess.TASK_RECORD_PARTNER_DPRD_APPROVAL, ApprovalProcess.TASK_DRAFT_MOU,
      ApprovalProcess.TASK_REVIEW_MOU_DRAFT, ApprovalProcess.TASK_RECORD_MINISTER_APPROVAL,
      ApprovalProcess.TASK_SEND_OFFER, ApprovalProcess.TASK_ANSWER_OFFER_PARTNER, ApprovalProcess.TASK_RECORD_OFFER_ANSWER,
      ApprovalProcess.TASK_DRAFT_PKS, ApprovalProcess.TASK_AGREE_PKS_PARTNER,
      ApprovalProcess.TASK_DRAFT_NOTA_KESEPAKATAN, ApprovalProcess.TASK_AGREE_NOTA_KESEPAKATAN_PARTNER);

  /** The document a central-approval task of the GR 28/2018 routes requires, uploaded before it is completed. */
  public static final Map<String, DocumentKind> DOCUMENT_OF_TASK = Map.of(
      ApprovalProcess.TASK_RECORD_LOI, DocumentKind.LOI,
      ApprovalProcess.TASK_DRAFT_COOPERATION_PLAN, DocumentKind.COOPERATION_PLAN,
      ApprovalProcess.TASK_DRAFT_KB, DocumentKind.KB_DRAFT,
      ApprovalProcess.TASK_RECORD_KB_SIGNING, DocumentKind.KB,
      ApprovalProcess.TASK_DRAFT_MOU, DocumentKind.MOU_DRAFT,
      ApprovalProcess.TASK_SEND_OFFER, DocumentKind.OFFER_LETTER,
      ApprovalProcess.TASK_DRAFT_PKS, DocumentKind.PKS_DRAFT,
      ApprovalProcess.TASK_DRAFT_NOTA_KESEPAKATAN, DocumentKind.NKSP_DRAFT);

  /** The conditions each task with a checklist asks for (its extension property {@code checklist}). */
  public static final Map<String, List<String>> CHECKLIST_OF_TASK = Map.of(
      ApprovalProcess.TASK_REVIEW_BY_FASKER, codes(ReviewCondition.values()),
      ApprovalProcess.TASK_RECORD_MINISTER_APPROVAL, codes(ReviewCondition.values()),
      ApprovalProcess.TASK_REVIEW_BY_TKKSD, codes(ReviewCondition.REGIONAL_COMPETENCE, ReviewCondition.PLAN_FIT,
          ReviewCondition.BUDGET, ReviewCondition.DOSSIER_COMPLETE),
      ApprovalProcess.TASK_AGREE_KB_PARTNER, codes(ReviewCondition.REGIONAL_COMPETENCE, ReviewCondition.PLAN_FIT,
          ReviewCondition.BUDGET));

  private static List<String> codes(ReviewCondition... conditions) {
    return Arrays.stream(conditions).map(Enum::name).toList();
  }

  private final ProcessEngine engine;
  private final Completer completer;
  private final DocumentService documents;

  public ApprovalWalk(ProcessEngine engine, Completer completer) {
    this(engine, completer, null);
  }

  /** A walk that also uploads the documents the GR 28/2018 routes require (LoI, plan, KB, MoU draft). */
  public ApprovalWalk(ProcessEngine engine, Completer completer, DocumentService documents) {
    this.engine = engine;
    this.completer = completer;
    this.documents = documents;
  }

  /** Approves every open central-approval task of the agreement until the phase ends; returns the steps taken. */
  public List<Step> approve(String businessKey) {
    List<Step> steps = new ArrayList<>();
    for (List<Task> open = openTasks(businessKey); !open.isEmpty(); open = openTasks(businessKey)) {
      for (Task task : open) {
        String group = candidateGroup(task);
        DocumentKind kind = DOCUMENT_OF_TASK.get(task.getTaskDefinitionKey());
        if (kind != null && documents != null) {
          long agreementId = ((Number) engine.getTaskService().getVariable(task.getId(), "agreementId")).longValue();
          documents.upload(agreementId, kind, kind.name().toLowerCase() + ".pdf",
              id.go.kerjasama.signing.SigningTestData.pdf(businessKey + task.getTaskDefinitionKey()), "t-" + group);
        }
        completer.complete(group, task, approving(task.getTaskDefinitionKey()));
        steps.add(new Step(task.getTaskDefinitionKey(), group));
        if (steps.size() > MAX_STEPS) {
          throw new IllegalStateException("Central approval of " + businessKey + " does not end: " + steps);
        }
      }
    }
    return steps;
  }

  public List<Task> openTasks(String businessKey) {
    return engine.getTaskService().createTaskQuery()
        .processInstanceBusinessKey(businessKey)
        .processDefinitionKey(ApprovalProcess.PROCESS_KEY)
        .orderByTaskCreateTime().asc()
        .list();
  }

  /**
   * The one candidate group of a task; for a central task offered to Fasker and one of its divisions
   * ({@code fasker,${faskerGroup}}) the group fasker.
   */
  public String candidateGroup(Task task) {
    List<String> groups = candidateGroups(task);
    if (groups.size() == 2 && groups.contains(Groups.FASKER) && groups.stream().anyMatch(Groups::isFaskerDivision)) {
      return Groups.FASKER;
    }
    if (groups.size() != 1) {
      throw new IllegalStateException(task.getTaskDefinitionKey() + " has candidate groups " + groups);
    }
    return groups.get(0);
  }

  /** Every candidate group of a task. */
  public List<String> candidateGroups(Task task) {
    return engine.getTaskService().getIdentityLinksForTask(task.getId()).stream()
        .filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()) && l.getGroupId() != null)
        .map(IdentityLink::getGroupId)
        .toList();
  }

  /**
   * The seven items of the request to the DPRD (Perda DIY 1/2023 art. 12(4)), which the DPRD task requires for
   * KSDD/KSDPK (hidden and ignored for the other types).
   */
  public static Map<String, Object> dprdPlanExplanation() {
    Map<String, Object> v = new HashMap<>();
    v.put("dprdPlanPurpose", "Meningkatkan pelayanan publik bersama");
    v.put("dprdPlanObject", "Pengelolaan layanan bersama");
    v.put("dprdPlanRightsObligations", "Daerah menyediakan lahan, mitra mengelola layanan");
    v.put("dprdPlanApbdContribution", 1500000000L);
    v.put("dprdPlanBenefit", "Jasa layanan bagi warga");
    v.put("dprdPlanTermMonths", 24L);
    v.put("dprdPlanPublicBurden", "Tidak ada");
    return v;
  }

  /** The form values that approve a task (the widest valid permit; a DPRD letter of today). */
  public static Map<String, Object> approving(String taskKey) {
    Map<String, Object> v = new HashMap<>();
    switch (taskKey) {
      case ApprovalProcess.TASK_CHECK_FILE_COMPLETE -> v.put("decision", ApprovalProcess.COMPLETE);
      case ApprovalProcess.TASK_RECOMMEND_PERMIT -> v.put("decision", ApprovalProcess.NO_OBJECTION);
      case ApprovalProcess.TASK_DECIDE_PRINCIPLE_PERMIT -> {
        v.put("decision", ApprovalProcess.GRANTED);
        v.put(ApprovalProcess.FIELD_VALID_UNTIL, BusinessClock.today().plusYears(3).toString());
      }
      case ApprovalProcess.TASK_CONSULT_KEMLU -> v.put("decision", ApprovalProcess.SUPPORTED);
      case ApprovalProcess.TASK_RECORD_DPRD_APPROVAL -> {
        v.put("decision", ApprovalProcess.APPROVED);
        v.put(ApprovalProcess.FIELD_DPRD_LETTER_NUMBER, "170/12/DPRD/" + BusinessClock.today().getYear());
        v.put(ApprovalProcess.FIELD_DPRD_LETTER_DATE, BusinessClock.today().toString());
        v.putAll(dprdPlanExplanation());
      }
      case ApprovalProcess.TASK_RECORD_PARTNER_DPRD_APPROVAL -> {
        v.put("decision", ApprovalProcess.APPROVED);
        v.put(ApprovalProcess.FIELD_DPRD_LETTER_NUMBER, "170/13/DPRD-MITRA/" + BusinessClock.today().getYear());
        v.put(ApprovalProcess.FIELD_DPRD_LETTER_DATE, BusinessClock.today().toString());
        v.putAll(dprdPlanExplanation());
      }
      case ApprovalProcess.TASK_REVIEW_BY_PROVINCE, ApprovalProcess.TASK_REVIEW_BY_FASKER,
           ApprovalProcess.TASK_DECIDE_CENTRAL_APPROVAL, ApprovalProcess.TASK_REVIEW_BY_TKKSD,
           ApprovalProcess.TASK_REVIEW_MOU_DRAFT, ApprovalProcess.TASK_RECORD_MINISTER_APPROVAL ->
          v.put("decision", ApprovalProcess.APPROVED);
      case ApprovalProcess.TASK_AGREE_KB_PARTNER -> {
        v.put("decision", ApprovalProcess.AGREED);
        v.put(ApprovalProcess.PARTNER_BURDENS, false);
      }
      case ApprovalProcess.TASK_CONFIRM_KB_PARTNER -> v.put("decision", ApprovalProcess.CONFIRMED);
      case ApprovalProcess.TASK_SEND_OFFER -> {
        v.put(ApprovalProcess.FIELD_OFFER_LETTER_NUMBER, "130/7/PEM/" + BusinessClock.today().getYear());
        v.put(ApprovalProcess.FIELD_OFFER_LETTER_DATE, BusinessClock.today().toString());
      }
      case ApprovalProcess.TASK_ANSWER_OFFER_PARTNER, ApprovalProcess.TASK_RECORD_OFFER_ANSWER ->
          v.put("decision", ApprovalProcess.ACCEPTED);
      case ApprovalProcess.TASK_AGREE_PKS_PARTNER, ApprovalProcess.TASK_AGREE_NOTA_KESEPAKATAN_PARTNER ->
          v.put("decision", ApprovalProcess.AGREED);
      case ApprovalProcess.TASK_RECORD_LOI, ApprovalProcess.TASK_RECORD_KB_SIGNING -> {
        v.put("documentNumber", (taskKey.equals(ApprovalProcess.TASK_RECORD_LOI) ? "LOI/" : "KB/") + "001/"
            + BusinessClock.today().getYear());
        v.put("signatories", "Kepala Daerah, Perwakilan Mitra");
        v.put("signedOn", BusinessClock.today().toString());
        if (taskKey.equals(ApprovalProcess.TASK_RECORD_LOI)) {
          v.put("startDate", BusinessClock.today().toString());
          v.put("endDate", BusinessClock.today().plusYears(1).toString());
        }
      }
      case ApprovalProcess.TASK_DRAFT_COOPERATION_PLAN, ApprovalProcess.TASK_DRAFT_KB, ApprovalProcess.TASK_DRAFT_MOU,
           ApprovalProcess.TASK_DRAFT_PKS, ApprovalProcess.TASK_DRAFT_NOTA_KESEPAKATAN ->
          v.put("notes", "Rancangan disusun bersama mitra");
      default -> v.put("notes", "Perbaikan dan klarifikasi sesuai catatan peninjau");
    }
    if (CHECKLIST_OF_TASK.containsKey(taskKey)) {
      v.put(ReviewCondition.FIELD_CONDITIONS_CHECKED, CHECKLIST_OF_TASK.get(taskKey));
    }
    return v;
  }
}
