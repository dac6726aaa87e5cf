package id.go.kerjasama.signing;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.kerjasama.registry.DocumentKind;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The signing tasks' document kind, on an engine of its own (in-memory H2):
 * read from the diagram on a definition's first completion of a task and not
 * again, while a new deployment whose task names another kind gets its own
 * kind, and another task of the same definition its own.
 */
class SigningDocumentKindCacheTest {

  static ProcessEngine engine;

  /** Reads the kind the way {@link SigningRecordListener} does, as the task's end listener. */
  public static class ReadKind implements ExecutionListener {
    static DocumentKind last;

    @Override
    public void notify(DelegateExecution execution) {
      last = SigningRecordListener.documentKindOf(execution);
    }
  }

  @BeforeAll
  static void engine() {
    engine = ProcessEngineConfiguration.createStandaloneInMemProcessEngineConfiguration()
        .setJdbcUrl("jdbc:h2:mem:signing-kind;DB_CLOSE_DELAY=-1")
        .setProcessEngineName("signing-kind")
        .setJobExecutorActivate(false)
        .buildProcessEngine();
  }

  @AfterAll
  static void close() {
    engine.close();
  }

  @Test
  void eachDefinitionsTaskIsReadOnceAndANewDeploymentGetsItsOwnKind() {
    ProcessDefinition first = deploy("PKS", "KB");
    int before = SigningRecordListener.modelReads();

    complete(first, "UserTask_A");
    assertThat(ReadKind.last).isEqualTo(DocumentKind.PKS);
    assertThat(SigningRecordListener.modelReads()).isEqualTo(before + 1);
    complete(first, "UserTask_A");
    complete(first, "UserTask_A");
    assertThat(ReadKind.last).isEqualTo(DocumentKind.PKS);
    assertThat(SigningRecordListener.modelReads()).as("later completions read no model").isEqualTo(before + 1);

    complete(first, "UserTask_B");
    assertThat(ReadKind.last).as("another task of the same definition has its own kind").isEqualTo(DocumentKind.KB);
    assertThat(SigningRecordListener.modelReads()).as("task B read once, task A not again").isEqualTo(before + 2);

    ProcessDefinition second = deploy("MOU", "LOI");
    complete(second, "UserTask_A");
    assertThat(ReadKind.last).as("the new definition's own diagram").isEqualTo(DocumentKind.MOU);
    assertThat(SigningRecordListener.modelReads()).isEqualTo(before + 3);

    complete(first, "UserTask_A");
    assertThat(ReadKind.last).as("the old definition keeps its kind").isEqualTo(DocumentKind.PKS);
    assertThat(SigningRecordListener.modelReads()).isEqualTo(before + 3);
  }

  /** Starts an instance and completes its first task ({@code UserTask_A}), for {@code UserTask_B} also the second. */
  private static void complete(ProcessDefinition definition, String task) {
    String instance = engine.getRuntimeService().startProcessInstanceById(definition.getId()).getId();
    completeOpenTask(instance);
    if (task.equals("UserTask_B")) {
      completeOpenTask(instance);
    }
  }

  private static void completeOpenTask(String instance) {
    engine.getTaskService().complete(
        engine.getTaskService().createTaskQuery().processInstanceId(instance).singleResult().getId());
  }

  private static ProcessDefinition deploy(String kindA, String kindB) {
    String xml = """
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="test">
          <process id="signing-kind" isExecutable="true" camunda:historyTimeToLive="1">
            <startEvent id="Start" />
            <sequenceFlow id="Flow_1" sourceRef="Start" targetRef="UserTask_A" />
            <userTask id="UserTask_A" name="Tanda tangani A">
              <extensionElements>
                <camunda:properties><camunda:property name="documentKind" value="%s" /></camunda:properties>
                <camunda:executionListener event="end" class="%s" />
              </extensionElements>
            </userTask>
            <sequenceFlow id="Flow_2" sourceRef="UserTask_A" targetRef="UserTask_B" />
            <userTask id="UserTask_B" name="Tanda tangani B">
              <extensionElements>
                <camunda:properties><camunda:property name="documentKind" value="%s" /></camunda:properties>
                <camunda:executionListener event="end" class="%s" />
              </extensionElements>
            </userTask>
            <sequenceFlow id="Flow_3" sourceRef="UserTask_B" targetRef="End" />
            <endEvent id="End" />
          </process>
        </definitions>
        """.formatted(kindA, ReadKind.class.getName(), kindB, ReadKind.class.getName());
    String deployment = engine.getRepositoryService().createDeployment()
        .addString("signing-kind.bpmn", xml).deploy().getId();
    return engine.getRepositoryService().createProcessDefinitionQuery().deploymentId(deployment).singleResult();
  }
}
