package id.go.kerjasama.platform.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The transaction boundaries of {@link AsyncContinuationsPlugin} on an engine
 * of their own (in-memory H2, no job executor: the test runs the jobs): a
 * follow-up that fails after a user's submit leaves the submit committed and
 * becomes a retried job and then an incident with the failure's message;
 * without the plugin the same failure reaches the user and rolls the submit
 * back.
 */
class AsyncContinuationsPluginTest {

  static final String MESSAGE = "Registri tidak dapat ditulis";

  static ProcessEngine withBoundaries;
  static ProcessEngine without;

  /** The follow-up work after the user's task: always fails, like a registry write against a broken database. */
  public static class FailingFollowUp implements JavaDelegate {
    @Override
    public void execute(DelegateExecution execution) {
      throw new IllegalStateException(MESSAGE);
    }
  }

  @BeforeAll
  static void engines() {
    withBoundaries = engine("async-continuations-on", true);
    without = engine("async-continuations-off", false);
    for (ProcessEngine engine : List.of(withBoundaries, without)) {
      engine.getRepositoryService().createDeployment()
          .addModelInstance("submit-then-follow-up.bpmn", submitThenFollowUp())
          .addModelInstance("calls-a-phase.bpmn", callsAPhase())
          .addModelInstance("phase.bpmn", Bpmn.createExecutableProcess("phase").camundaHistoryTimeToLive(1)
              .startEvent().userTask("UserTask_InPhase").endEvent().done())
          .deploy();
    }
  }

  @AfterAll
  static void close() {
    withBoundaries.close();
    without.close();
  }

  @Test
  void aFailingFollowUpLeavesTheSubmitCommittedAndBecomesAnIncident() {
    ProcessInstance instance = withBoundaries.getRuntimeService().startProcessInstanceByKey("submit-then-follow-up");
    Task task = withBoundaries.getTaskService().createTaskQuery().processInstanceId(instance.getId()).singleResult();

    withBoundaries.getTaskService().complete(task.getId());

    // the user's work is committed: the task is completed in the history, the follow-up waits as a job
    HistoricTaskInstance done = withBoundaries.getHistoryService().createHistoricTaskInstanceQuery()
        .taskId(task.getId()).singleResult();
    assertThat(done.getEndTime()).isNotNull();
    assertThat(done.getDeleteReason()).isEqualTo("completed");
    Job job = withBoundaries.getManagementService().createJobQuery().processInstanceId(instance.getId())
        .singleResult();
    assertThat(job).isNotNull();

    // the job executor's retries (3 by default), then an incident with the failure's message
    for (int attempt = 0; attempt < 3; attempt++) {
      assertThatThrownBy(() -> withBoundaries.getManagementService().executeJob(job.getId())).hasMessageContaining(
          MESSAGE);
    }
    Job failed = withBoundaries.getManagementService().createJobQuery().jobId(job.getId()).singleResult();
    assertThat(failed.getRetries()).isZero();
    assertThat(failed.getExceptionMessage()).isEqualTo(MESSAGE);
    Incident incident = withBoundaries.getRuntimeService().createIncidentQuery()
        .processInstanceId(instance.getId()).singleResult();
    assertThat(incident.getIncidentType()).isEqualTo(Incident.FAILED_JOB_HANDLER_TYPE);
    assertThat(incident.getIncidentMessage()).isEqualTo(MESSAGE);
    assertThat(withBoundaries.getTaskService().createTaskQuery().processInstanceId(instance.getId()).count())
        .isZero();
  }

  @Test
  void withoutTheBoundaryTheSameFailureRollsTheSubmitBack() {
    ProcessInstance instance = without.getRuntimeService().startProcessInstanceByKey("submit-then-follow-up");
    Task task = without.getTaskService().createTaskQuery().processInstanceId(instance.getId()).singleResult();

    assertThatThrownBy(() -> without.getTaskService().complete(task.getId())).hasMessageContaining(MESSAGE);

    assertThat(without.getTaskService().createTaskQuery().taskId(task.getId()).singleResult()).isNotNull();
    assertThat(without.getManagementService().createJobQuery().processInstanceId(instance.getId()).count()).isZero();
  }

  @Test
  void aCalledPhaseStartsInAJobOfItsOwn() {
    ProcessInstance instance = withBoundaries.getRuntimeService().startProcessInstanceByKey("calls-a-phase");

    // the caller's transaction ends before the call activity: no called instance yet, one job
    assertThat(withBoundaries.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("phase").count())
        .isZero();
    Job job = withBoundaries.getManagementService().createJobQuery().processInstanceId(instance.getId())
        .singleResult();
    withBoundaries.getManagementService().executeJob(job.getId());

    ProcessInstance phase = withBoundaries.getRuntimeService().createProcessInstanceQuery()
        .superProcessInstanceId(instance.getId()).singleResult();
    assertThat(withBoundaries.getTaskService().createTaskQuery().processInstanceId(phase.getId()).singleResult()
        .getTaskDefinitionKey()).isEqualTo("UserTask_InPhase");
  }

  private static BpmnModelInstance submitThenFollowUp() {
    return Bpmn.createExecutableProcess("submit-then-follow-up").camundaHistoryTimeToLive(1)
        .startEvent()
        .userTask("UserTask_Submit")
        .serviceTask("ServiceTask_FollowUp").camundaClass(FailingFollowUp.class.getName())
        .endEvent()
        .done();
  }

  private static BpmnModelInstance callsAPhase() {
    return Bpmn.createExecutableProcess("calls-a-phase").camundaHistoryTimeToLive(1)
        .startEvent()
        .callActivity("CallActivity_Phase").calledElement("phase")
        .endEvent()
        .done();
  }

  private static ProcessEngine engine(String name, boolean boundaries) {
    ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) ProcessEngineConfiguration
        .createStandaloneInMemProcessEngineConfiguration()
        .setJdbcUrl("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1")
        .setProcessEngineName(name)
        .setJobExecutorActivate(false)
        .setHistory(ProcessEngineConfiguration.HISTORY_FULL);
    configuration.setProcessEnginePlugins(List.of(new AsyncContinuationsPlugin(boundaries)));
    return configuration.buildProcessEngine();
  }
}
