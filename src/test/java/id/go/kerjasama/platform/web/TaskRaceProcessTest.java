package id.go.kerjasama.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import id.go.kerjasama.ProcessTest;
import id.go.kerjasama.ProcessTestSupport;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.CommandChecker;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;

/**
 * The race behind issue 14's 403 (FaultSameTaskIT in CI): the losing request's command reads the task, the
 * winner completes it and commits (deleting the task and the authorizations Camunda keeps for its assignee),
 * and only then does the loser's command check its right to work on the task, which fails with Camunda's
 * {@link AuthorizationException} ("does not have TASK_WORK permission on resource &lt;task&gt;"). Reproduced
 * step by step on the real engine: the engine-REST answer to it is 409 with the lost-race message, not 403;
 * a user who truly lacks the right on a task that still exists keeps the 403.
 */
@ProcessTest
class TaskRaceProcessTest extends ProcessTestSupport {

  @Test
  void aRightCheckFailingBecauseAnotherRequestCompletedTheTaskIsA409NotA403() {
    String worker = user("t-race-worker");
    String taskId = standaloneTask("Uji balapan tugas", worker);

    AuthorizationException refused = loserChecksAfterWinnerCommits(worker, taskId, true);

    assertThat(refused.getMessage()).as("Camunda's refusal, as CI saw it").contains("TASK_WORK").contains(taskId);
    assertThat(EngineRestErrors.taskOf(refused)).isEqualTo(taskId);
    Response answer = EngineRestErrors.race(refused, () -> processEngine);
    assertThat(answer).as("a lost race, not a missing right").isNotNull();
    assertThat(answer.getStatus()).isEqualTo(409);
    assertThat(body(answer)).containsEntry("message", EngineRestErrors.CHANGED_MEANWHILE);
    assertThat(EngineRestErrors.CHANGED_MEANWHILE).startsWith("Tugas ini baru saja diselesaikan");
  }

  @Test
  void aUserWithoutTheRightOnATaskThatStillExistsKeepsThe403() {
    String owner = user("t-race-owner");
    String stranger = user("t-race-stranger");
    String taskId = standaloneTask("Uji tugas orang lain", owner);

    AuthorizationException refused = loserChecksAfterWinnerCommits(stranger, taskId, false);

    assertThat(EngineRestErrors.taskOf(refused)).isEqualTo(taskId);
    assertThat(EngineRestErrors.race(refused, () -> processEngine)).as("the task is there: a real 403").isNull();
    assertThat(processEngine.getTaskService().createTaskQuery().taskId(taskId).count()).isEqualTo(1);
    processEngine.getTaskService().deleteTask(taskId, true);
  }

  @Test
  void withoutAnEngineToAskTheRefusalStaysA403() {
    AuthorizationException refused = new AuthorizationException("t-race-worker",
        new org.camunda.bpm.engine.authorization.MissingAuthorization("TASK_WORK", "Task", "no-such-task"));
    assertThat(EngineRestErrors.race(refused, () -> null)).isNull();
  }

  /**
   * As {@code user}: the command reads the task; with {@code winnerFirst}, another thread completes it and
   * commits before the command checks {@code user}'s right to work on it, as CompleteTaskCmd does.
   */
  private AuthorizationException loserChecksAfterWinnerCommits(String user, String taskId, boolean winnerFirst) {
    ProcessEngineConfigurationImpl configuration =
        (ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration();
    TaskService tasks = processEngine.getTaskService();
    processEngine.getIdentityService().setAuthentication(user, List.of());
    try {
      return catchThrowableOfType(AuthorizationException.class, () -> configuration.getCommandExecutorTxRequired()
          .execute(context -> {
            TaskEntity task = context.getTaskManager().findTaskById(taskId);
            assertThat(task).as("read before the other request's commit").isNotNull();
            if (winnerFirst) {
              CompletableFuture.runAsync(() -> tasks.complete(taskId)).join();
              assertThat(CompletableFuture.supplyAsync(() -> tasks.createTaskQuery().taskId(taskId).count()).join())
                  .as("the winner committed").isZero();
            }
            for (CommandChecker checker : context.getProcessEngineConfiguration().getCommandCheckers()) {
              checker.checkTaskWork(task);
            }
            return null;
          }));
    } finally {
      actAsSystem();
    }
  }

  private String standaloneTask(String name, String assignee) {
    Task task = processEngine.getTaskService().newTask();
    task.setName(name);
    task.setAssignee(assignee);
    processEngine.getTaskService().saveTask(task);
    return task.getId();
  }

  private String user(String id) {
    if (processEngine.getIdentityService().createUserQuery().userId(id).count() == 0) {
      User user = processEngine.getIdentityService().newUser(id);
      user.setFirstName("Test");
      user.setLastName("Balapan");
      user.setEmail(id + "@kerjasama.test");
      user.setPassword("Rahasia-Uji-42");
      processEngine.getIdentityService().saveUser(user);
    }
    return id;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> body(Response answer) {
    return (Map<String, Object>) answer.getEntity();
  }
}
