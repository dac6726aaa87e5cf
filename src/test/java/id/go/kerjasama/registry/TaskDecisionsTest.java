package id.go.kerjasama.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.go.kerjasama.platform.web.InvalidInputException;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The decisions a task allows, on an engine of its own (in-memory H2): read
 * from the diagram on a definition's first submit of a task and not again
 * for later submits of that task, and a new deployment of the diagram (a new
 * definition) gets the decisions of its own diagram, not the old ones.
 */
class TaskDecisionsTest {

  static ProcessEngine engine;

  /** Checks the submitted decision the way the audit trail does, as the task's end listener. */
  public static class CheckDecision implements ExecutionListener {
    static TaskDecisions last;

    @Override
    public void notify(DelegateExecution execution) {
      last = TaskDecisions.of(execution);
      last.check(execution.getVariable("decision"), execution.getVariable("notes"));
    }
  }

  @BeforeAll
  static void engine() {
    engine = ProcessEngineConfiguration.createStandaloneInMemProcessEngineConfiguration()
        .setJdbcUrl("jdbc:h2:mem:task-decisions;DB_CLOSE_DELAY=-1")
        .setProcessEngineName("task-decisions")
        .setJobExecutorActivate(false)
        .buildProcessEngine();
  }

  @AfterAll
  static void close() {
    engine.close();
  }

  @Test
  void theSecondSubmitOfATaskReadsNoModelAndANewDeploymentGetsItsOwnDecisions() {
    ProcessDefinition first = deploy("APPROVED,RETURNED", "RETURNED");
    int before = TaskDecisions.modelReads();

    submit(first, "APPROVED", null);
    assertThat(TaskDecisions.modelReads()).isEqualTo(before + 1);
    assertThat(CheckDecision.last.allowed()).containsExactly("APPROVED", "RETURNED");

    submit(first, "RETURNED", "Lampiran kurang");
    // the check still applies on the cached decisions: a decision the task does not allow is refused
    assertThatThrownBy(() -> submit(first, "REJECTED", null)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("Keputusan 'REJECTED' tidak dikenal");
    assertThatThrownBy(() -> submit(first, "RETURNED", " ")).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("Catatan wajib diisi");
    assertThat(TaskDecisions.modelReads()).as("later submits on the same definition read no model")
        .isEqualTo(before + 1);

    ProcessDefinition second = deploy("APPROVED,REJECTED", "REJECTED");
    assertThat(second.getId()).isNotEqualTo(first.getId());
    submit(second, "REJECTED", "Tidak sesuai kewenangan daerah");
    assertThat(TaskDecisions.modelReads()).as("the new definition's diagram is read once").isEqualTo(before + 2);
    assertThat(CheckDecision.last.allowed()).containsExactly("APPROVED", "REJECTED");
    assertThat(CheckDecision.last.notesRequiredFor()).containsExactly("REJECTED");
    assertThatThrownBy(() -> submit(second, "RETURNED", null)).isInstanceOf(InvalidInputException.class);

    // the old definition keeps its own decisions, still without reading its model again
    submit(first, "RETURNED", "Lengkapi naskah");
    assertThat(CheckDecision.last.allowed()).containsExactly("APPROVED", "RETURNED");
    assertThat(TaskDecisions.modelReads()).isEqualTo(before + 2);
  }

  private static void submit(ProcessDefinition definition, String decision, String notes) {
    String instance = engine.getRuntimeService().startProcessInstanceById(definition.getId()).getId();
    String task = engine.getTaskService().createTaskQuery().processInstanceId(instance).singleResult().getId();
    Map<String, Object> variables = new HashMap<>();
    variables.put("decision", decision);
    variables.put("notes", notes);
    engine.getTaskService().complete(task, variables);
  }

  private static ProcessDefinition deploy(String decisions, String notesRequiredFor) {
    String xml = """
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="test">
          <process id="task-decisions" isExecutable="true" camunda:historyTimeToLive="1">
            <startEvent id="Start" />
            <sequenceFlow id="Flow_1" sourceRef="Start" targetRef="UserTask_Periksa" />
            <userTask id="UserTask_Periksa" name="Periksa usulan">
              <extensionElements>
                <camunda:properties>
                  <camunda:property name="decisions" value="%s" />
                  <camunda:property name="notesRequiredFor" value="%s" />
                </camunda:properties>
                <camunda:executionListener event="end" class="%s" />
              </extensionElements>
            </userTask>
            <sequenceFlow id="Flow_2" sourceRef="UserTask_Periksa" targetRef="End" />
            <endEvent id="End" />
          </process>
        </definitions>
        """.formatted(decisions, notesRequiredFor, CheckDecision.class.getName());
    String deployment = engine.getRepositoryService().createDeployment()
        .addString("task-decisions.bpmn", xml).deploy().getId();
    return engine.getRepositoryService().createProcessDefinitionQuery().deploymentId(deployment).singleResult();
  }
}
