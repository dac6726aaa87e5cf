package id.go.kerjasama.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.kerjasama.ProcessTest;
import id.go.kerjasama.approval.ApprovalWalk;
import id.go.kerjasama.registry.Phase;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;

/**
 * Where the user's transaction ends with the asynchronous continuations on
 * (the default; platform/engine/AsyncContinuationsPlugin, docs/performance.md
 * "Transaction boundaries"), on the real lifecycle: what the user's submit
 * commits by itself, and what follows in a job. The start form's
 * registration number is in the user's transaction (the start form shows it
 * at once); the central approval is called in a job. A submitted task is
 * completed at once; the next task follows in a job.
 */
@ProcessTest
class TransactionBoundariesProcessTest extends LifecycleTestSupport {

  @Test
  void theStartFormRegistersTheProposalAtOnceAndTheCentralApprovalFollowsInAJob() {
    actAs("province-32");
    ProcessInstance pi;
    try {
      pi = processEngine.getFormService().submitStartForm(processEngine.getRepositoryService()
          .createProcessDefinitionQuery().processDefinitionKey(LifecycleProcess.PROCESS_KEY).latestVersion()
          .singleResult().getId(), proposal("LUAR_NEGERI", "province-32", "32"));
    } finally {
      actAsSystem();
    }

    // what the start form shows right after the submit (kerjasama-forms.js reads this variable): registered,
    // in the registry, by the user's own transaction
    String number = (String) processEngine.getRuntimeService().getVariable(pi.getId(), "registrationNumber");
    assertThat(number).matches("KS-LN-2026-\\d{6}").isEqualTo(pi.getBusinessKey());
    assertThat(agreementOf(pi).registrationNumber()).isEqualTo(number);
    assertThat(agreementOf(pi).createdBy()).isEqualTo("t-province-32");
    // the central approval is not called yet: one job before its call activity, no task
    ManagementService management = processEngine.getManagementService();
    List<Job> jobs = management.createJobQuery().processInstanceId(pi.getId()).messages().list();
    assertThat(jobs).hasSize(1);
    assertThat(management.createJobQuery().processInstanceId(pi.getId())
        .activityId(LifecycleProcess.CALL_CENTRAL_APPROVAL).count()).isEqualTo(1);
    assertThat(processEngine.getTaskService().createTaskQuery().processInstanceBusinessKey(number).count()).isZero();

    runContinuations();

    assertThat(processEngine.getTaskService().createTaskQuery().processInstanceBusinessKey(number).list())
        .extracting(Task::getTaskDefinitionKey).containsExactly("UserTask_RecordDprdApproval");
    assertThat(agreementOf(pi).phase()).isEqualTo(Phase.CENTRAL_APPROVAL);
  }

  @Test
  void aSubmitCompletesTheTaskAtOnceAndTheNextTaskFollowsInAJob() {
    ProcessInstance pi = submit("province-32", proposal("LUAR_NEGERI", "province-32", "32"));
    String key = pi.getBusinessKey();
    Task dprd = task(key, "UserTask_RecordDprdApproval");
    Map<String, Object> answer = ApprovalWalk.approving(dprd.getTaskDefinitionKey());

    actAs("province-32");
    try {
      processEngine.getTaskService().claim(dprd.getId(), userOf("province-32"));
      processEngine.getFormService().submitTaskForm(dprd.getId(), answer);
    } finally {
      actAsSystem();
    }

    // the user's work is committed: the task completed, by the user
    HistoricTaskInstance done = processEngine.getHistoryService().createHistoricTaskInstanceQuery()
        .taskId(dprd.getId()).singleResult();
    assertThat(done.getEndTime()).isNotNull();
    assertThat(done.getAssignee()).isEqualTo("t-province-32");
    // the next task is not there yet: one job after the task
    assertThat(processEngine.getTaskService().createTaskQuery().processInstanceBusinessKey(key).count()).isZero();
    assertThat(processEngine.getManagementService().createJobQuery().processInstanceId(dprd.getProcessInstanceId())
        .messages().activityId("UserTask_RecordDprdApproval").count()).isEqualTo(1);

    runContinuations();

    assertThat(openTask(key, "UserTask_ConsultKemlu")).isNotNull();
  }
}
