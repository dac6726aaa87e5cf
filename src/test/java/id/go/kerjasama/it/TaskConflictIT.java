package id.go.kerjasama.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/**
 * A task's form sent twice, through Tasklist's path {@code /camunda/api/engine/…} (what Tasklist calls) and
 * {@code /engine-rest}: the second after the first (a second tab, a double click) gets 404, two at the same
 * instant one 204 and the other 409 or 404 — always with the Indonesian message to reload the page, never a
 * 403, a 5xx or engine text (issue 14; the two-node version is FaultSameTaskIT in {@code -Pfault}).
 * Foreign-NGO cooperations located in province 13 (Sumatera Barat).
 */
class TaskConflictIT extends IntegrationTest {

  static final String FORM = "{\"variables\":{\"decision\":{\"value\":\"COMPLETE\"}}}";

  @Test
  void aTaskCompletedInOneTabAnswers404InTheOtherOnTasklistsPathAndOnEngineRest() throws Exception {
    String ministry = userOf("ministry-kemensos");
    String[] task = claimedCheckTask(ministry, "berurutan");
    TasklistTab tab = TasklistTab.signIn(port, "default", ministry, PASSWORD);

    assertThat(tab.post(tab.task(task[0], "submit-form"), FORM).status()).as("the first submission").isEqualTo(204);
    for (String action : List.of("submit-form", "complete")) {
      FaultSameTaskIT.Answer again = tab.post(tab.task(task[0], action), FORM);
      assertThat(again.status()).as("Tasklist " + action + " again: " + again.body()).isEqualTo(404);
      assertThat(again.json().get("message").asText()).isEqualTo(FaultSameTaskIT.GONE);
    }
    for (String action : List.of("submit-form", "complete")) {
      Response again = post(ministry, "/engine-rest/task/" + task[0] + "/" + action, json.readTree(FORM));
      assertThat(again.status()).as("engine-rest " + action + " again: " + again.body()).isEqualTo(404);
      assertThat(again.json().get("message").asText()).isEqualTo(FaultSameTaskIT.GONE);
    }
    assertThat(completions(task[1])).as("completed once").isEqualTo(1);
  }

  @Test
  void twoTabsSubmittingAtOnceOnTasklistsPathGetOne204AndAClear409Or404() throws Exception {
    String ministry = userOf("ministry-kemensos");
    TasklistTab first = TasklistTab.signIn(port, "default", ministry, PASSWORD);
    TasklistTab second = TasklistTab.signIn(port, "default", ministry, PASSWORD);
    ExecutorService tabs = Executors.newFixedThreadPool(2);
    try {
      for (int round = 0; round < 6; round++) {
        String[] task = claimedCheckTask(ministry, "serentak " + round);
        String action = round % 2 == 0 ? "submit-form" : "complete";
        CyclicBarrier together = new CyclicBarrier(2);
        List<CompletableFuture<FaultSameTaskIT.Answer>> answers = new ArrayList<>();
        for (TasklistTab tab : List.of(first, second)) {
          answers.add(CompletableFuture.supplyAsync(() -> {
            try {
              together.await();
              return tab.post(tab.task(task[0], action), FORM);
            } catch (Exception e) {
              throw new IllegalStateException(e);
            }
          }, tabs));
        }
        List<FaultSameTaskIT.Answer> both = List.of(answers.get(0).get(), answers.get(1).get());
        assertThat(both).as("round " + round + " " + action + ": " + both).filteredOn(a -> a.status() == 204)
            .hasSize(1);
        FaultSameTaskIT.Answer loser = both.stream().filter(a -> a.status() != 204).findFirst().orElseThrow();
        assertThat(loser.status()).as("the other tab, never 403 or 5xx: " + loser.body()).isIn(404, 409);
        assertThat(loser.json().get("message").asText())
            .isEqualTo(loser.status() == 409 ? FaultSameTaskIT.CONFLICT : FaultSameTaskIT.GONE);
        assertThat(completions(task[1])).as("completed once").isEqualTo(1);
      }
    } finally {
      tabs.shutdownNow();
    }
  }

  /** A foreign-NGO cooperation's "check the file" task claimed by {@code ministry}: task id and instance id. */
  private String[] claimedCheckTask(String ministry, String name) {
    Map<String, Object> proposal = new java.util.HashMap<>(FaultSameTaskIT.proposal(0));
    proposal.put("title", value("Kerja sama uji konflik tugas Sumatera Barat " + name));
    String key = started(check(post(ministry, "/engine-rest/process-definition/key/cooperation-lifecycle/submit-form",
        Map.of("variables", proposal)), 200).json()).get("businessKey").asText();
    var task = check(get(ADMIN, "/engine-rest/task?processInstanceBusinessKey=" + key
        + "&taskDefinitionKey=UserTask_CheckFileComplete"), 200).json().get(0);
    String taskId = task.get("id").asText();
    check(post(ministry, "/engine-rest/task/" + taskId + "/claim", Map.of("userId", ministry)), 204);
    return new String[] {taskId, task.get("processInstanceId").asText()};
  }

  private int completions(String instance) {
    return check(get(ADMIN, "/engine-rest/history/task/count?processInstanceId=" + instance
        + "&taskDefinitionKey=UserTask_CheckFileComplete&finished=true"), 200).json().get("count").asInt();
  }
}
