package id.go.kerjasama.platform.forms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import id.go.kerjasama.ProcessTest;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every limit of every deployed form, at its edge: for each Camunda Form the
 * deployed processes show (every user task and start event of every
 * process's latest version, resolved as the engine resolves its
 * {@code camunda:formRef}) and each field with a validate block, the
 * server's check ({@link DeclaredForm#problems}, which {@link FormLimitsCheck}
 * runs at every task's completion and the start form's and the phases'
 * validators run through {@link FormValues}) refuses a value just outside
 * each limit, with a message naming the field and the limit, and accepts the
 * value at the limit. The cases are made from the forms themselves, so a new
 * form, field or limit is covered without touching this test.
 * {@code FormLimitsProcessTest} shows the check on the real completion path.
 */
@ProcessTest
class DeployedFormLimitsTest {

  @Autowired
  RepositoryService repositoryService;

  @Autowired
  FormLimits formLimits;

  /** A form in use: by which process and element. */
  record Use(String process, String element, DeclaredForm form) {
  }

  /** One limit of one field: the value at it (accepted) and just outside it (refused with {@code message}). */
  record Edge(String limit, Object atLimit, Object outside, String message) {
  }

  List<Use> deployedForms() {
    List<Use> uses = new ArrayList<>();
    for (ProcessDefinition definition : repositoryService.createProcessDefinitionQuery().latestVersion()
        .orderByProcessDefinitionKey().asc().list()) {
      BpmnModelInstance model = repositoryService.getBpmnModelInstance(definition.getId());
      for (UserTask task : model.getModelElementsByType(UserTask.class)) {
        if (task.getCamundaFormRef() != null) {
          uses.add(new Use(definition.getKey(), task.getId(), formLimits.ofFormRef(task.getCamundaFormRef(),
              task.getCamundaFormRefBinding(), version(task.getCamundaFormRefVersion()),
              definition.getDeploymentId())));
        }
      }
      for (StartEvent start : model.getModelElementsByType(StartEvent.class)) {
        if (start.getCamundaFormRef() != null) {
          uses.add(new Use(definition.getKey(), start.getId(), formLimits.ofFormRef(start.getCamundaFormRef(),
              start.getCamundaFormRefBinding(), version(start.getCamundaFormRefVersion()),
              definition.getDeploymentId())));
        }
      }
    }
    return uses;
  }

  private static Integer version(String version) {
    return version == null || version.isBlank() ? null : Integer.valueOf(version);
  }

  @Test
  void theProcessesShowFormsAndTheirFieldsHaveLimits() {
    List<Use> uses = deployedForms();
    // not an empty parametrisation: the forms of the lifecycle, its phases and their tasks
    assertThat(uses).hasSizeGreaterThan(25);
    assertThat(uses).extracting(u -> u.form().name())
        .contains("forms/cooperation-lifecycle/register-proposal.form", "forms/evaluation/self-evaluate-cooperation.form");
    assertThat(uses.stream().mapToLong(u -> u.form().fields().values().stream().filter(FieldRule::hasLimits).count())
        .sum()).isGreaterThan(100);
  }

  @TestFactory
  Stream<DynamicContainer> everyLimitOfEveryDeployedFormIsEnforcedAtItsEdge() {
    return deployedForms().stream().map(use -> dynamicContainer(
        use.form().name() + " (" + use.process() + " " + use.element() + ")", cases(use.form())));
  }

  private Stream<DynamicNode> cases(DeclaredForm form) {
    Map<String, Object> baseline = baseline(form);
    List<DynamicNode> cases = new ArrayList<>();
    cases.add(dynamicTest("every field at a valid value is accepted",
        () -> assertThat(form.problems(baseline::get)).isEmpty()));
    for (FieldRule rule : form.fields().values()) {
      for (Edge edge : edges(rule)) {
        cases.add(dynamicTest(rule.key() + " " + edge.limit(), () -> {
          assertRefused(form, with(baseline, rule.key(), edge.outside()), rule.label(), edge.message());
          assertThat(form.problems(with(baseline, rule.key(), edge.atLimit())::get))
              .as("%s at its %s", rule.key(), edge.limit()).isEmpty();
        }));
      }
    }
    for (DeclaredForm.DynamicList list : form.lists().values()) {
      Map<String, Object> row = row(list);
      for (FieldRule rule : list.items().values()) {
        for (Edge edge : edges(rule)) {
          cases.add(dynamicTest(list.path() + "." + rule.key() + " " + edge.limit(), () -> {
            assertRefused(form, with(baseline, list.path(), List.of(with(row, rule.key(), edge.outside()))),
                list.label() + " 1: " + rule.label(), edge.message());
            assertThat(form.problems(with(baseline, list.path(), List.of(with(row, rule.key(), edge.atLimit())))::get))
                .as("%s.%s at its %s", list.path(), rule.key(), edge.limit()).isEmpty();
          }));
        }
      }
    }
    return cases.stream();
  }

  private static void assertRefused(DeclaredForm form, Map<String, Object> values, String label, String message) {
    assertThat(form.problems(values::get)).as("%s in %s refused with '%s'", label, form.name(), message)
        .singleElement().asString()
        .startsWith(label + " ").contains(message);
  }

  /** The limits a rule sets, each with a value at it and one just outside it. */
  static List<Edge> edges(FieldRule rule) {
    List<Edge> edges = new ArrayList<>();
    Object valid = valid(rule);
    if (rule.required() && !rule.conditional()) {
      edges.add(new Edge("required", valid, null, rule.isChoice() ? "wajib dipilih" : "wajib diisi"));
    }
    if (rule.isText()) {
      if (rule.minLength() != null && rule.minLength() > 1) {
        edges.add(new Edge("minLength", text(rule, rule.minLength()), text(rule, rule.minLength() - 1),
            "minimal " + rule.minLength() + " karakter (sekarang " + (rule.minLength() - 1) + ")"));
      }
      if (rule.maxLength() != null) {
        edges.add(new Edge("maxLength", text(rule, rule.maxLength()), text(rule, rule.maxLength() + 1),
            "paling banyak " + rule.maxLength() + " karakter (sekarang " + (rule.maxLength() + 1) + ")"));
      }
      if (rule.pattern() != null) {
        edges.add(new Edge("pattern", valid, notMatching(rule), "tidak sesuai format"));
      }
    }
    if (rule.isNumber()) {
      // numbers as an Indonesian types them: a comma before the decimals (a dot groups thousands)
      BigDecimal step = rule.decimals() == null ? BigDecimal.ONE : BigDecimal.ONE.movePointLeft(rule.decimals());
      if (rule.min() != null) {
        edges.add(new Edge("min", rule.min().toPlainString().replace('.', ','), rule.min().subtract(step).toPlainString().replace('.', ','),
            "paling kecil " + FieldRule.format(rule.min())));
      }
      if (rule.max() != null) {
        edges.add(new Edge("max", rule.max().toPlainString().replace('.', ','), rule.max().add(step).toPlainString().replace('.', ','),
            "paling besar " + FieldRule.format(rule.max())));
      }
      if (rule.decimals() != null) {
        BigDecimal base = new BigDecimal(valid.toString());
        edges.add(new Edge("decimalDigits", base.add(step).toPlainString().replace('.', ','),
            base.add(step.movePointLeft(1)).toPlainString().replace('.', ','),
            rule.decimals() == 0 ? "harus bilangan bulat" : "paling banyak " + rule.decimals() + " angka di belakang koma"));
      }
    }
    return edges;
  }

  /** A value the rule accepts: texts at their shortest length, numbers at their minimum. */
  static Object valid(FieldRule rule) {
    if (rule.isText()) {
      return text(rule, rule.minLength() == null ? 1 : Math.max(1, rule.minLength()));
    }
    if (rule.isNumber()) {
      return (rule.min() != null ? rule.min() : rule.max() != null ? rule.max() : BigDecimal.ONE).toPlainString();
    }
    return switch (rule.type()) {
      case "checklist", "taglist" -> List.of("X");
      case "checkbox" -> Boolean.FALSE;
      case "datetime" -> "2026-03-02";
      default -> "X";
    };
  }

  /** A text of {@code length} characters that meets the rule's pattern, if any. */
  static String text(FieldRule rule, int length) {
    for (String c : new String[] {"a", "A", "1"}) {
      String candidate = c.repeat(length);
      if (rule.pattern() == null || Pattern.compile(rule.pattern()).matcher(candidate).find()) {
        return candidate;
      }
    }
    throw new AssertionError("No sample text for the pattern of " + rule.key() + ": " + rule.pattern()
        + " (add a sample character to DeployedFormLimitsTest.text)");
  }

  /** A text of valid length that breaks the rule's pattern. */
  static String notMatching(FieldRule rule) {
    int length = rule.minLength() == null ? 3 : Math.max(rule.minLength(), 3);
    for (String start : new String[] {"-", "#", "!", "é", "\u0000"}) {
      String candidate = start + "a".repeat(length - 1);
      if (!Pattern.compile(rule.pattern()).matcher(candidate).find()) {
        return candidate;
      }
    }
    throw new AssertionError("No sample text breaking the pattern of " + rule.key() + ": " + rule.pattern()
        + " (add one to DeployedFormLimitsTest.notMatching)");
  }

  private static Map<String, Object> baseline(DeclaredForm form) {
    Map<String, Object> values = new HashMap<>();
    form.fields().values().forEach(rule -> values.put(rule.key(), valid(rule)));
    form.lists().values().forEach(list -> values.put(list.path(), List.of(row(list))));
    return values;
  }

  private static Map<String, Object> row(DeclaredForm.DynamicList list) {
    Map<String, Object> row = new LinkedHashMap<>();
    list.items().values().forEach(rule -> row.put(rule.key(), valid(rule)));
    return row;
  }

  private static Map<String, Object> with(Map<String, Object> values, String key, Object value) {
    Map<String, Object> changed = new HashMap<>(values);
    changed.put(key, value);
    return changed;
  }
}
