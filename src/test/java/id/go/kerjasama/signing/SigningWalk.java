package id.go.kerjasama.signing;

import id.go.kerjasama.documents.DocumentService;
import id.go.kerjasama.registry.DocumentKind;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;

/**
 * Walks an agreement through the signing phase, whatever its type, for tests
 * of other phases: each open signing task is done by a member of its
 * candidate group, who first uploads the task's document (MSP draft, MSP,
 * LoI, MoU, NK, PKS). The binding document (MSP, MoU, PKS) gets the number
 * and dates given; a LoI or Nota Kesepahaman before it gets the same dates.
 * <pre>
 * new SigningWalk(processEngine, documents, this::complete).sign(key, "PKS-1", today(), start, end);
 * </pre>
 */
public final class SigningWalk {

  /** Completes a task as the test user of a group. */
  @FunctionalInterface
  public interface Completer {
    void complete(String group, Task task, Map<String, Object> formValues);
  }

  /** One completed task: its key and the group that completed it. */
  public record Step(String taskKey, String group) {
  }

  /** The document each signing task requires, by task key. */
  public static final Map<String, DocumentKind> DOCUMENT_OF_TASK = Map.of(
      SigningProcess.TASK_DRAFT_MSP, DocumentKind.MSP_DRAFT,
      SigningProcess.TASK_RECORD_MSP, DocumentKind.MSP,
      SigningProcess.TASK_RECORD_LOI, DocumentKind.LOI,
      SigningProcess.TASK_RAISE_LOI_TO_MOU, DocumentKind.MOU,
      SigningProcess.TASK_RECORD_MOU, DocumentKind.MOU,
      SigningProcess.TASK_RECORD_NK, DocumentKind.NK,
      SigningProcess.TASK_RECORD_PKS, DocumentKind.PKS,
      "UserTask_RecordFullPower", DocumentKind.FULL_POWER,
      "UserTask_RecordNotaKesepakatanSigning", DocumentKind.NOTA_KESEPAKATAN);

  private final ProcessEngine engine;
  private final DocumentService documents;
  private final Completer completer;

  public SigningWalk(ProcessEngine engine, DocumentService documents, Completer completer) {
    this.engine = engine;
    this.documents = documents;
    this.completer = completer;
  }

  /** Signs every open signing task of the agreement until the phase ends; returns the steps taken. */
  public List<Step> sign(String businessKey, String number, LocalDate signedOn, LocalDate start, LocalDate end) {
    List<Step> steps = new ArrayList<>();
    for (Task task = next(businessKey); task != null; task = next(businessKey)) {
      String key = task.getTaskDefinitionKey();
      String group = candidateGroup(task);
      DocumentKind kind = DOCUMENT_OF_TASK.get(key);
      if (kind != null) {
        long agreementId = ((Number) engine.getTaskService().getVariable(task.getId(), "agreementId")).longValue();
        documents.upload(agreementId, kind, kind.name().toLowerCase() + ".pdf", SigningTestData.pdf(businessKey + key),
            "t-" + group);
      }
      completer.complete(group, task, answer(key, kind, number, signedOn, start, end));
      steps.add(new Step(key, group));
      if (steps.size() > 10) {
        throw new AssertionError("Signing of " + businessKey + " did not end: " + steps);
      }
    }
    return steps;
  }

  static Map<String, Object> answer(String taskKey, DocumentKind kind, String number, LocalDate signedOn,
                                    LocalDate start, LocalDate end) {
    Map<String, Object> v = new HashMap<>();
    if (taskKey.equals(SigningProcess.TASK_REVIEW_MSP_DRAFT)) {
      v.put("decision", SigningProcess.DRAFT_APPROVED);
    } else if (taskKey.equals("UserTask_ConfirmPksPartner") || taskKey.equals("UserTask_ConfirmNotaKesepakatanPartner")) {
      v.put("decision", "CONFIRMED");
    } else if (kind == DocumentKind.FULL_POWER) {
      v.put("documentNumber", "FP/" + number);
      v.put("signatories", "Menteri Luar Negeri kepada Kepala Daerah");
      v.put("signedOn", signedOn.toString());
    } else if (kind == DocumentKind.MSP_DRAFT) {
      v.put("notes", "Rancangan MSP bersama ormas asing");
    } else {
      v.put("documentNumber", kind.binding() ? number : kind.name() + "/" + number);
      v.put("signatories", "Kepala Daerah, Perwakilan Mitra");
      v.put("signedOn", signedOn.toString());
      v.put("startDate", start.toString());
      v.put("endDate", end.toString());
    }
    return v;
  }

  private Task next(String businessKey) {
    return engine.getTaskService().createTaskQuery().processInstanceBusinessKey(businessKey)
        .processDefinitionKey(SigningProcess.PROCESS_KEY).orderByTaskCreateTime().asc().list()
        .stream().findFirst().orElse(null);
  }

  private String candidateGroup(Task task) {
    return engine.getTaskService().getIdentityLinksForTask(task.getId()).stream()
        .filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()) && l.getGroupId() != null)
        .map(IdentityLink::getGroupId).findFirst()
        .orElseThrow(() -> new AssertionError("No candidate group on " + task.getTaskDefinitionKey()));
  }
}
