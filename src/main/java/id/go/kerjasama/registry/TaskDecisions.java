package id.go.kerjasama.registry;

import id.go.kerjasama.platform.web.InvalidInputException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.model.bpmn.instance.ExtensionElements;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;

/**
 * The decisions a user task allows, read from the task's extension
 * properties in the diagram ({@code decisions}: the allowed codes;
 * {@code notesRequiredFor}: the codes that need notes). The server checks
 * them again whatever the form did, so a bad submission is refused with a
 * clear message and the task stays open.
 *
 * <p>A process definition never changes once deployed (a changed diagram is a
 * new definition with a new id), so the decisions are read from the diagram
 * once per definition and task and kept for the life of the JVM: a submit
 * reads no BPMN model (the engine's model instance, parsed from the
 * deployment's XML on its first use, is not consulted again).
 */
public record TaskDecisions(List<String> allowed, List<String> notesRequiredFor, List<ReviewCondition> checklist,
                     List<String> checklistRequiredFor) {

  static final String DECISIONS = "decisions";
  static final String NOTES_REQUIRED_FOR = "notesRequiredFor";
  /** The conditions the reviewer checks (ReviewCondition codes). */
  static final String CHECKLIST = "checklist";
  /** The decisions that need every condition ticked (e.g. APPROVED). */
  static final String CHECKLIST_REQUIRED_FOR = "checklistRequiredFor";

  /** By engine, process definition id and activity id: what they name never changes once deployed. */
  private static final Map<String, TaskDecisions> BY_DEFINITION_AND_TASK = new ConcurrentHashMap<>();
  private static final AtomicInteger MODEL_READS = new AtomicInteger();

  public static TaskDecisions of(DelegateExecution execution) {
    String definitionId = execution.getProcessDefinitionId();
    String activityId = execution.getCurrentActivityId();
    if (definitionId == null || activityId == null) {
      return read(execution);
    }
    // the engine's name too: test engines with database id generators may number their definitions alike
    String engine = execution.getProcessEngine() == null ? "" : execution.getProcessEngine().getName();
    return BY_DEFINITION_AND_TASK.computeIfAbsent(engine + '#' + definitionId + '#' + activityId,
        key -> read(execution));
  }

  /** How often the decisions were read from a diagram's model (for the test that the cache holds). */
  static int modelReads() {
    return MODEL_READS.get();
  }

  private static TaskDecisions read(DelegateExecution execution) {
    MODEL_READS.incrementAndGet();
    List<String> allowed = List.of();
    List<String> notesRequired = List.of();
    List<ReviewCondition> checklist = List.of();
    List<String> checklistRequired = List.of();
    FlowElement element = execution.getBpmnModelElementInstance();
    ExtensionElements extensions = element == null ? null : element.getExtensionElements();
    if (extensions != null) {
      for (CamundaProperties properties : extensions.getChildElementsByType(CamundaProperties.class)) {
        for (CamundaProperty property : properties.getCamundaProperties()) {
          if (DECISIONS.equals(property.getCamundaName())) {
            allowed = split(property.getCamundaValue());
          } else if (NOTES_REQUIRED_FOR.equals(property.getCamundaName())) {
            notesRequired = split(property.getCamundaValue());
          } else if (CHECKLIST.equals(property.getCamundaName())) {
            checklist = split(property.getCamundaValue()).stream().map(ReviewCondition::valueOf).toList();
          } else if (CHECKLIST_REQUIRED_FOR.equals(property.getCamundaName())) {
            checklistRequired = split(property.getCamundaValue());
          }
        }
      }
    }
    return new TaskDecisions(allowed, notesRequired, checklist, checklistRequired);
  }

  private static List<String> split(String value) {
    return value == null ? List.of() : Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
  }

  public void check(Object decision, Object notes) {
    check(decision, notes, List.of(), null);
  }

  /**
   * @param checked the conditions ticked (codes), {@code checklistNotes} the reviewer's notes on them
   */
  void check(Object decision, Object notes, List<String> checked, Object checklistNotes) {
    if (allowed.isEmpty()) {
      return;
    }
    List<String> problems = new ArrayList<>();
    for (String code : checked) {
      if (checklist.stream().noneMatch(c -> c.name().equals(code))) {
        problems.add("Syarat '" + code + "' tidak termasuk daftar periksa tugas ini");
      }
    }
    if (decision != null && checklistRequiredFor.contains(decision.toString())) {
      List<String> missing = checklist.stream().filter(c -> !checked.contains(c.name()))
          .map(ReviewCondition::label).toList();
      if (!missing.isEmpty()) {
        problems.add("Keputusan ini memerlukan setiap syarat pada daftar periksa dicentang; belum dicentang: "
            + String.join("; ", missing) + ". Bila ada syarat yang tidak terpenuhi, kembalikan atau tolak usulan"
            + " dengan catatan");
      }
    }
    if (checklistNotes != null && checklistNotes.toString().length() > ReviewCondition.MAX_NOTES) {
      problems.add("Catatan pemeriksaan paling banyak " + ReviewCondition.MAX_NOTES + " karakter");
    }
    String code = decision == null ? null : decision.toString();
    if (code == null || code.isBlank()) {
      problems.add("Keputusan wajib dipilih");
    } else if (!allowed.contains(code)) {
      problems.add("Keputusan '" + code + "' tidak dikenal; pilihan yang sah: " + String.join(", ", allowed));
    } else if (notesRequiredFor.contains(code) && (notes == null || notes.toString().isBlank())) {
      problems.add("Catatan wajib diisi untuk keputusan ini");
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
  }
}

