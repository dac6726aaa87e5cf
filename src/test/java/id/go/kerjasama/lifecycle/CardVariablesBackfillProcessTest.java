package id.go.kerjasama.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.kerjasama.ProcessTest;
import id.go.kerjasama.platform.identity.Organisations;
import id.go.kerjasama.registry.CardVariablesBackfill;
import id.go.kerjasama.registry.ProcessVariables;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A cooperation started before the task cards had their variables: its
 * lifecycle and the phase it runs lack the title and the proposer (and may
 * lack the number). The start-up backfill gives them what the registry holds,
 * so the open task's card shows all three, and a second run changes nothing.
 * Uses province 13 (Sumatera Barat).
 */
@ProcessTest
class CardVariablesBackfillProcessTest extends LifecycleTestSupport {

  private static final String TITLE = "Program peningkatan kapasitas luar_negeri";

  @Autowired
  CardVariablesBackfill backfill;
  @Autowired
  Organisations organisations;

  @Test
  void runningInstancesWithoutCardVariablesGetThemFromTheRegistryOnce() {
    ProcessInstance pi = submit("province-13", proposal("LUAR_NEGERI", "province-13", "13"));
    String key = pi.getBusinessKey();
    RuntimeService runtime = processEngine.getRuntimeService();
    TaskService tasks = processEngine.getTaskService();
    List<ProcessInstance> instances = runtime.createProcessInstanceQuery().processInstanceBusinessKey(key).list();
    assertThat(instances).as("the lifecycle and its central approval").hasSizeGreaterThanOrEqualTo(2);
    // as an instance of an older version: no title, no proposer; the lifecycle without its number too
    for (ProcessInstance instance : instances) {
      runtime.removeVariables(instance.getId(), List.of(ProcessVariables.COOPERATION_TITLE,
          ProcessVariables.PROPOSER_NAME));
    }
    runtime.removeVariable(pi.getId(), ProcessVariables.REGISTRATION_NUMBER);
    Task open = tasks.createTaskQuery().processInstanceBusinessKey(key).list().get(0);
    assertThat(tasks.getVariables(open.getId())).doesNotContainKeys(ProcessVariables.COOPERATION_TITLE,
        ProcessVariables.PROPOSER_NAME);

    assertThat(backfill.run()).isGreaterThanOrEqualTo(instances.size());

    String proposer = organisations.find("province-13").orElseThrow().name();
    assertThat(agreements.findByRegistrationNumber(key).orElseThrow().title()).isEqualTo(TITLE);
    Map<String, Object> card = tasks.getVariables(open.getId(), List.of(ProcessVariables.REGISTRATION_NUMBER,
        ProcessVariables.COOPERATION_TITLE, ProcessVariables.PROPOSER_NAME));
    assertThat(card).containsEntry(ProcessVariables.REGISTRATION_NUMBER, key)
        .containsEntry(ProcessVariables.COOPERATION_TITLE, TITLE)
        .containsEntry(ProcessVariables.PROPOSER_NAME, proposer);
    for (ProcessInstance instance : instances) {
      assertThat(runtime.getVariables(instance.getId(), List.of(ProcessVariables.REGISTRATION_NUMBER,
          ProcessVariables.COOPERATION_TITLE, ProcessVariables.PROPOSER_NAME)))
          .as(instance.getProcessDefinitionId())
          .containsEntry(ProcessVariables.REGISTRATION_NUMBER, key)
          .containsEntry(ProcessVariables.COOPERATION_TITLE, TITLE)
          .containsEntry(ProcessVariables.PROPOSER_NAME, proposer);
    }

    // idempotent: nothing left to do, and what is there stays
    assertThat(backfill.run()).isZero();
    assertThat(tasks.getVariable(open.getId(), ProcessVariables.COOPERATION_TITLE)).isEqualTo(TITLE);
  }
}
