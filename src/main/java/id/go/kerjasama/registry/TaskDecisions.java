package id.go.kerjasama.registry;

import id.go.kerjasama.platform.web.InvalidInputException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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
 */
public record TaskDecisions(List<String> allowed, List<String> notesRequiredFor) {

  static final String DECISIONS = "decisions";
  static final String NOTES_REQUIRED_FOR = "notesRequiredFor";

  public static TaskDecisions of(DelegateExecution execution) {
    List<String> allowed = List.of();
    List<String> notesRequired = List.of();
    FlowElement element = execution.getBpmnModelElementInstance();
    ExtensionElements extensions = element == null ? null : element.getExtensionElements();
    if (extensions != null) {
      for (CamundaProperties properties : extensions.getChildElementsByType(CamundaProperties.class)) {
        for (CamundaProperty property : properties.getCamundaProperties()) {
          if (DECISIONS.equals(property.getCamundaName())) {
            allowed = split(property.getCamundaValue());
          } else if (NOTES_REQUIRED_FOR.equals(property.getCamundaName())) {
            notesRequired = split(property.getCamundaValue());
          }
        }
      }
    }
    return new TaskDecisions(allowed, notesRequired);
  }

  private static List<String> split(String value) {
    return value == null ? List.of() : Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
  }

  public void check(Object decision, Object notes) {
    if (allowed.isEmpty()) {
      return;
    }
    List<String> problems = new ArrayList<>();
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
