package id.go.kerjasama.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.go.kerjasama.ProcessTest;
import id.go.kerjasama.platform.identity.Organisations;
import id.go.kerjasama.registry.ProcessVariables;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every task of every phase carries the cooperation's title and the
 * proposer's name, which the seeded Tasklist filters show on the task cards
 * (platform/tasklist/TasklistFilters); both are set by the application and
 * refused from users. Uses province 21 (Kepulauan Riau).
 */
@ProcessTest
class TaskCardVariablesProcessTest extends LifecycleTestSupport {

  private static final String TITLE = "Program peningkatan kapasitas luar_negeri";

  @Autowired
  Organisations organisations;

  /** The phases whose tasks were checked, by process definition key. */
  private final Set<String> checkedPhases = new LinkedHashSet<>();

  /** Checks the card variables on every task the walk completes, before completing it. */
  @Override
  protected void complete(String group, Task task, Map<String, Object> formValues) {
    if (task.getProcessInstanceId() != null && isCardTask(task)) {
      assertThat(processEngine.getTaskService().getVariable(task.getId(), ProcessVariables.COOPERATION_TITLE))
          .as("title on " + task.getTaskDefinitionKey()).isEqualTo(TITLE);
      assertThat(processEngine.getTaskService().getVariable(task.getId(), ProcessVariables.PROPOSER_NAME))
          .as("proposer on " + task.getTaskDefinitionKey()).isEqualTo(proposerName());
      checkedPhases.add(processEngine.getRepositoryService().getProcessDefinition(task.getProcessDefinitionId())
          .getKey());
    }
    super.complete(group, task, formValues);
  }

  private boolean isCardTask(Task task) {
    return processEngine.getTaskService().getVariable(task.getId(), ProcessVariables.REGISTRATION_NUMBER) != null;
  }

  private String proposerName() {
    return organisations.find("province-21").orElseThrow().name();
  }

  @Test
  void everyPhaseTaskShowsTheTitleAndTheProposer() {
    assertThat(proposerName()).isNotBlank().isNotEqualTo("province-21");
    ProcessInstance pi = submit("province-21", proposal("LUAR_NEGERI", "province-21", "21"));
    String key = pi.getBusinessKey();

    approve(key);
    sign(key, "province-21", "MOU-021/2026", today(), today().plusMonths(24));
    walkCycle(key, "province-21", 4);
    fire(key, LifecycleProcess.TIMER_RENEWAL_DUE);
    complete("fasker", task(key, "UserTask_DecideRenewal"), decision("END", "Program selesai"));

    assertThat(checkedPhases).contains("central-approval", "agreement-signing", "annual-work-plan", "monitoring",
        "evaluation", "renewal");
  }

  @Test
  void usersCannotWriteTheTitleOrTheProposerShownOnTheCards() {
    Map<String, Object> form = proposal("LUAR_NEGERI", "province-21", "21");
    form.put(ProcessVariables.PROPOSER_NAME, "Kementerian Luar Negeri");
    assertThatThrownBy(() -> submit("province-21", form)).isInstanceOf(AuthorizationException.class)
        .hasMessageContaining("tidak boleh dikirim pengguna").hasMessageContaining(ProcessVariables.PROPOSER_NAME);

    ProcessInstance pi = submit("province-21", proposal("LUAR_NEGERI", "province-21", "21"));
    Task task = processEngine.getTaskService().createTaskQuery().processInstanceBusinessKey(pi.getBusinessKey())
        .list().get(0);
    Map<String, Object> answer = new HashMap<>(decision("APPROVED", "Lengkap"));
    answer.put(ProcessVariables.COOPERATION_TITLE, "Judul palsu");
    assertThatThrownBy(() -> super.complete("province-21", task, answer)).isInstanceOf(AuthorizationException.class)
        .hasMessageContaining("tidak boleh dikirim pengguna").hasMessageContaining(ProcessVariables.COOPERATION_TITLE);
    actAs("province-21");
    try {
      assertThatThrownBy(() -> processEngine.getTaskService().setVariable(task.getId(),
          ProcessVariables.COOPERATION_TITLE, "Judul palsu")).isInstanceOf(AuthorizationException.class);
    } finally {
      actAsSystem();
    }
    assertThat(processEngine.getTaskService().getVariable(task.getId(), ProcessVariables.COOPERATION_TITLE))
        .isEqualTo(TITLE);
  }
}
