package id.go.kerjasama.approval;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.kerjasama.ProcessTestSupport;
import id.go.kerjasama.platform.time.BusinessClock;
import id.go.kerjasama.registry.Agreement;
import id.go.kerjasama.registry.AgreementEvent;
import id.go.kerjasama.registry.AgreementService;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.beans.factory.annotation.Autowired;

/** Helpers of the central-approval process tests. */
abstract class ApprovalTestSupport extends ProcessTestSupport {

  @Autowired
  AgreementService agreements;
  @Autowired
  ApprovalRecords records;

  ApprovalWalk walk() {
    return new ApprovalWalk(processEngine, this::complete);
  }

  /** The one open task with that key; asserts its only candidate group. */
  Task task(ProcessInstance pi, String taskKey, String expectedGroup) {
    Task task = openTask(pi.getBusinessKey(), taskKey);
    assertThat(task).as("open task " + taskKey).isNotNull();
    assertThat(walk().candidateGroup(task)).as("candidate group of " + taskKey).isEqualTo(expectedGroup);
    return task;
  }

  /** Completes the open task with that key as its (asserted) candidate group. */
  void decide(ProcessInstance pi, String taskKey, String group, Map<String, Object> values) {
    complete(group, task(pi, taskKey, group), values);
  }

  void decide(ProcessInstance pi, String taskKey, String group, String decision, String notes) {
    decide(pi, taskKey, group, decision(decision, notes));
  }

  /** The keys of the open central-approval tasks of the agreement. */
  List<String> openTaskKeys(ProcessInstance pi) {
    return walk().openTasks(pi.getBusinessKey()).stream().map(Task::getTaskDefinitionKey).toList();
  }

  static Map<String, Object> values(Object... keysAndValues) {
    Map<String, Object> v = new HashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      v.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return v;
  }

  /** 16:00 WIB, office closing, on that day: when tasks are due. */
  static Date closing(LocalDate day) {
    return Date.from(day.atTime(LocalTime.of(16, 0)).atZone(BusinessClock.ZONE).toInstant());
  }

  Agreement agreementOf(ProcessInstance pi) {
    return agreements.get(agreementId(pi));
  }

  long agreementId(ProcessInstance pi) {
    return ((Number) processEngine.getHistoryService().createHistoricVariableInstanceQuery()
        .processInstanceId(pi.getId()).variableName("agreementId").singleResult().getValue()).longValue();
  }

  List<AgreementEvent> timeline(ProcessInstance pi) {
    return agreements.events(agreementId(pi));
  }

  /** The central-approval process instance of the agreement (running or ended). */
  String approvalInstanceId(ProcessInstance pi) {
    return processEngine.getHistoryService().createHistoricProcessInstanceQuery()
        .processInstanceBusinessKey(pi.getBusinessKey())
        .processDefinitionKey(ApprovalProcess.PROCESS_KEY)
        .singleResult().getId();
  }

  Job revisionTimer(ProcessInstance pi) {
    return processEngine.getManagementService().createJobQuery()
        .processInstanceId(approvalInstanceId(pi))
        .activityId(ApprovalProcess.TIMER_REVISION_OVERDUE)
        .timers()
        .singleResult();
  }
}
