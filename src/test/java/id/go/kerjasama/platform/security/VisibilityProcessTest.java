package id.go.kerjasama.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.go.kerjasama.ProcessTest;
import id.go.kerjasama.ProcessTestSupport;
import id.go.kerjasama.approval.ApprovalWalk;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;

/**
 * Who sees which task and instance, through the Java API with authorization
 * checks on (as Tasklist and Cockpit do): a province sees the cooperation
 * located in or proposed by it or its regencies, a ministry its own, Fasker
 * everything.
 */
@ProcessTest
class VisibilityProcessTest extends ProcessTestSupport {

  @Test
  void aProvinceSeesOnlyTheCooperationItIsInvolvedIn() {
    ProcessInstance ownProposal = submit("province-71", proposal("LUAR_NEGERI", "province-71", "71"));
    ProcessInstance ofItsCity = submit("regency-7371", proposal("DALAM_NEGERI", "regency-7371", "73"));
    ProcessInstance locatedThere = submit("ministry-kemensos", proposal("ORMAS_ASING", "ministry-kemensos", "71", "72"));
    ProcessInstance elsewhere = submit("province-74", proposal("LUAR_NEGERI", "province-74", "74"));

    assertThat(visibleLifecycles("province-71")).contains(ownProposal.getBusinessKey(), locatedThere.getBusinessKey())
        .doesNotContain(elsewhere.getBusinessKey(), ofItsCity.getBusinessKey());
    assertThat(visibleLifecycles("province-73")).contains(ofItsCity.getBusinessKey())
        .doesNotContain(ownProposal.getBusinessKey(), elsewhere.getBusinessKey());
    assertThat(visibleLifecycles("regency-7371")).contains(ofItsCity.getBusinessKey())
        .doesNotContain(ownProposal.getBusinessKey());
    assertThat(visibleLifecycles("ministry-kemensos")).contains(locatedThere.getBusinessKey())
        .doesNotContain(ownProposal.getBusinessKey());
    assertThat(visibleLifecycles("fasker")).contains(ownProposal.getBusinessKey(), ofItsCity.getBusinessKey(),
        locatedThere.getBusinessKey(), elsewhere.getBusinessKey());

    // the phase instances (called processes) follow the same rule
    assertThat(visibleInstances("province-71", ownProposal.getBusinessKey())).hasSizeGreaterThanOrEqualTo(2);
    assertThat(visibleInstances("province-72", ownProposal.getBusinessKey())).isEmpty();
  }

  @Test
  void aProvinceSeesItsOwnTasksAndNotThoseOfAnother() {
    ProcessInstance a = submit("province-75", proposal("LUAR_NEGERI", "province-75", "75"));
    ProcessInstance b = submit("province-76", proposal("LUAR_NEGERI", "province-76", "76"));
    approveAndReachSigning(a);
    approveAndReachSigning(b);

    actAs("province-75");
    List<Task> tasks = processEngine.getTaskService().createTaskQuery().list();
    actAsSystem();
    assertThat(tasks).extracting(Task::getTaskDefinitionKey).containsExactly("UserTask_RecordSigning");
    assertThat(tasks.get(0).getProcessInstanceId()).isNotEqualTo(openTask(b.getBusinessKey(), "UserTask_RecordSigning")
        .getProcessInstanceId());

    Task othersTask = openTask(b.getBusinessKey(), "UserTask_RecordSigning");
    actAs("province-75");
    assertThatThrownBy(() -> processEngine.getTaskService().claim(othersTask.getId(), userOf("province-75")))
        .isInstanceOf(AuthorizationException.class);
    actAsSystem();
  }

  @Test
  void aSupervisorCannotChangeAnInstance() {
    ProcessInstance pi = submit("province-81", proposal("LUAR_NEGERI", "province-81", "81"));
    actAs("supervisor");
    assertThat(processEngine.getRuntimeService().createProcessInstanceQuery().processInstanceId(pi.getId()).count())
        .isEqualTo(1);
    assertThatThrownBy(() -> processEngine.getRuntimeService().suspendProcessInstanceById(pi.getId()))
        .isInstanceOf(AuthorizationException.class);
    assertThatThrownBy(() -> processEngine.getRuntimeService().deleteProcessInstance(pi.getId(), "test"))
        .isInstanceOf(AuthorizationException.class);
    assertThatThrownBy(() -> processEngine.getRepositoryService().createDeployment()
        .addString("x.bpmn", "<definitions/>").deploy())
        .isInstanceOf(AuthorizationException.class);
    actAsSystem();
  }

  private void approveAndReachSigning(ProcessInstance pi) {
    new ApprovalWalk(processEngine, this::complete).approve(pi.getBusinessKey());
  }

  private List<String> visibleLifecycles(String group) {
    actAs(group);
    try {
      return processEngine.getRuntimeService().createProcessInstanceQuery()
          .processDefinitionKey("cooperation-lifecycle").list().stream()
          .map(ProcessInstance::getBusinessKey).toList();
    } finally {
      actAsSystem();
    }
  }

  private List<ProcessInstance> visibleInstances(String group, String businessKey) {
    actAs(group);
    try {
      return processEngine.getRuntimeService().createProcessInstanceQuery()
          .processInstanceBusinessKey(businessKey).list();
    } finally {
      actAsSystem();
    }
  }
}
