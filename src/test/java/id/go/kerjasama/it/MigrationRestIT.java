package id.go.kerjasama.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * Redeploy and migrate on PostgreSQL, as an administrator would: instances
 * waiting in monitoring and in a TPOA review of central approval move to a
 * changed diagram (a task added, a label renamed, the version tag bumped)
 * and finish on it.
 *
 * <p>The changed diagrams are made by the test from whatever version of
 * {@code monitoring} and {@code central-approval} is deployed, so the test
 * keeps working when those diagrams change; they are deployed through the
 * REST API as Camunda Modeler does and deleted again afterwards.
 */
class MigrationRestIT extends LifecycleWalkingTest {

  static final String ADDED_TASK = "UserTask_CheckMigratedInstance";
  static final String TEST_DEPLOYMENT = "migration-test";

  @Autowired
  RepositoryService repositoryService;
  @Autowired
  HistoryService historyService;

  private final List<String> testDeployments = new ArrayList<>();

  /** A task open in a phase: the lifecycle's business key, the phase instance and its definition. */
  record Waiting(String taskKey, String processInstanceId, String definitionId) {
  }

  @AfterEach
  void removeTestDiagrams() {
    // the packaged diagrams become the latest versions again for the other tests
    testDeployments.forEach(id -> repositoryService.deleteDeployment(id, true));
  }

  @Test
  void instancesWaitingInMonitoringAndInATpoaReviewMoveToAChangedDiagramAndFinishOnIt() {
    String inReview = propose("ministry-kemenpar", "ORMAS_ASING", "ministry-kemenpar", "52");
    String inMonitoring = propose("province-33", "LUAR_NEGERI", "province-33", "33");

    Waiting review = walkUntil(inReview, t -> t.get("processDefinitionId").asText().startsWith("central-approval:")
        && candidateGroupsOf(t).stream().allMatch(g -> g.startsWith("tpoa-")));
    assertThat(candidateGroups(review)).allMatch(g -> g.startsWith("tpoa-"));
    Waiting monitoring = walkUntil(inMonitoring, t -> t.get("processDefinitionId").asText().startsWith("monitoring:"));

    for (Waiting waiting : List.of(review, monitoring)) {
      ProcessDefinition source = repositoryService.getProcessDefinition(waiting.definitionId());

      // a version without the task the instance waits in: the dry run says it cannot move, and why
      deployCopy(source, xml -> withoutTask(xml, waiting.taskKey()));
      JsonNode blocked = check(post(ADMIN, "/api/admin/migrations", Map.of(
          "processDefinitionKey", source.getKey(), "sourceVersion", source.getVersion(),
          "processInstanceIds", List.of(waiting.processInstanceId()))), 200).json();
      assertThat(blocked.get("unmappedSourceActivities").toString()).contains(waiting.taskKey());
      assertThat(blocked.get("migratableCount").asInt()).isZero();
      assertThat(blocked.at("/instances/0/migratable").asBoolean()).isFalse();
      assertThat(blocked.at("/instances/0/problems").toString())
          .contains("There is no migration instruction for this instance's activity");
      // the same as a real run: refused with the reasons, no batch
      JsonNode refused = check(post(ADMIN, "/api/admin/migrations", Map.of(
          "processDefinitionKey", source.getKey(), "sourceVersion", source.getVersion(),
          "processInstanceIds", List.of(waiting.processInstanceId()), "dryRun", false)), 409).json();
      assertThat(refused.get("message").asText()).startsWith("Tidak ada instans yang dapat dipindahkan");
      assertThat(refused.hasNonNull("batchId")).isFalse();
      assertThat(refused.at("/instances/0/problems").toString()).contains(waiting.taskKey());
      assertThat(definitionOf(waiting.processInstanceId())).isEqualTo(source.getId());

      ProcessDefinition target = deployCopy(source, xml -> changedCopy(xml, source.getKey(), waiting.taskKey()));

      // only administrators migrate
      assertThat(post(userOf("fasker"), "/api/admin/migrations", Map.of("processDefinitionKey", source.getKey(),
          "sourceVersion", source.getVersion())).status()).isEqualTo(403);

      // a dry run reports, per instance, that it can move; nothing changes
      JsonNode dryRun = check(post(ADMIN, "/api/admin/migrations", Map.of(
          "processDefinitionKey", source.getKey(), "sourceVersion", source.getVersion(),
          "processInstanceIds", List.of(waiting.processInstanceId()))), 200).json();
      assertThat(dryRun.get("dryRun").asBoolean()).isTrue();
      assertThat(dryRun.at("/target/version").asInt()).isEqualTo(target.getVersion());
      assertThat(dryRun.at("/target/versionTag").asText()).endsWith("-uji-migrasi");
      assertThat(dryRun.get("instructions").findValuesAsText("sourceActivityId")).contains(waiting.taskKey());
      JsonNode verdict = dryRun.get("instances").get(0);
      assertThat(verdict.get("processInstanceId").asText()).isEqualTo(waiting.processInstanceId());
      assertThat(verdict.get("migratable").asBoolean()).as(verdict.toString()).isTrue();
      assertThat(verdict.get("activeActivityIds").toString()).contains(waiting.taskKey());
      assertThat(definitionOf(waiting.processInstanceId())).isEqualTo(source.getId());

      // the real run: a batch, answered at once (202) with the address of its progress
      JsonNode run = check(post(ADMIN, "/api/admin/migrations", Map.of(
          "processDefinitionKey", source.getKey(), "sourceVersion", source.getVersion(),
          "processInstanceIds", List.of(waiting.processInstanceId()), "dryRun", false)), 202).json();
      String batchId = run.get("batchId").asText();
      assertThat(batchId).isNotBlank();
      assertThat(run.get("message").asText()).contains("Batch " + batchId);
      assertThat(run.get("progress").asText()).isEqualTo("/api/admin/migrations/" + batchId);
      // only administrators follow it
      assertThat(get(userOf("fasker"), run.get("progress").asText()).status()).isEqualTo(403);
      awaitMigrated(run.get("progress").asText(), waiting.processInstanceId(), target.getId());
    }

    // both go on, through the added task, to the end of the lifecycle
    List<String> reviewSteps = finish(inReview);
    List<String> monitoringSteps = finish(inMonitoring);
    assertThat(reviewSteps).contains(ADDED_TASK);
    assertThat(monitoringSteps).contains(ADDED_TASK);
    for (Waiting waiting : List.of(review, monitoring)) {
      HistoricProcessInstance done = historyService.createHistoricProcessInstanceQuery()
          .processInstanceId(waiting.processInstanceId()).singleResult();
      assertThat(done.getState()).isEqualTo("COMPLETED");
      assertThat(repositoryService.getProcessDefinition(done.getProcessDefinitionId()).getVersionTag())
          .endsWith("-uji-migrasi");
      assertThat(historyService.createHistoricTaskInstanceQuery().processInstanceId(waiting.processInstanceId())
          .taskDefinitionKey(ADDED_TASK).finished().count()).isEqualTo(1);
    }
  }

  @Test
  void aMigrationThatCannotWorkIsExplained() {
    JsonNode noVersion = check(post(ADMIN, "/api/admin/migrations", Map.of("processDefinitionKey", "monitoring")), 400)
        .json();
    assertThat(noVersion.get("message").asText()).contains("sourceVersion wajib diisi");
    JsonNode unknown = check(post(ADMIN, "/api/admin/migrations", Map.of("processDefinitionKey", "monitoring",
        "sourceVersion", 999)), 404).json();
    assertThat(unknown.get("message").asText()).contains("versi 999 tidak ditemukan");
    JsonNode noBatch = check(get(ADMIN, "/api/admin/migrations/tidak-ada"), 404).json();
    assertThat(noBatch.get("message").asText()).contains("Batch migrasi tidak-ada tidak ditemukan");
  }

  @Test
  void administratorsRedeployTheModelFoldersAndSeeWhatChanged() {
    assertThat(post(userOf("supervisor"), "/api/admin/deployments", null).status()).isEqualTo(403);
    assertThat(post(userOf("fasker"), "/api/admin/deployments", null).status()).isEqualTo(403);
    JsonNode report = check(post(ADMIN, "/api/admin/deployments", null), 200).json();
    // the packaged models are deployed already: nothing gets a new version
    assertThat(report.get("changed").asBoolean()).isFalse();
    assertThat(report.get("deployedResources")).isEmpty();
    assertThat(report.get("unchangedResources").toString()).contains("processes/monitoring.bpmn",
        "forms/monitoring/submit-progress-report.form");
    assertThat(report.get("message").asText()).startsWith("Tidak ada perubahan");

    JsonNode processes = check(get(ADMIN, "/api/admin/processes?key=monitoring"), 200).json();
    assertThat(processes.get(0).get("key").asText()).isEqualTo("monitoring");
    assertThat(processes.get(0).get("versions").get(0).has("runningInstances")).isTrue();
    assertThat(get(userOf("supervisor"), "/api/admin/processes").status()).isEqualTo(403);
  }

  /** Deploys a changed copy of the source's diagram, as Camunda Modeler does; returns the new latest version. */
  private ProcessDefinition deployCopy(ProcessDefinition source, java.util.function.UnaryOperator<String> change) {
    String xml;
    try (InputStream in = repositoryService.getResourceAsStream(source.getDeploymentId(), source.getResourceName())) {
      xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String changed = change.apply(xml);
    MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
    parts.add("deployment-name", TEST_DEPLOYMENT);
    parts.add("deployment-source", "Camunda Modeler");
    parts.add("data", new ByteArrayResource(changed.getBytes(StandardCharsets.UTF_8)) {
      @Override
      public String getFilename() {
        return source.getResourceName().substring(source.getResourceName().lastIndexOf('/') + 1);
      }
    });
    JsonNode deployment = client(ADMIN, ADMIN_PASSWORD).post().uri("/engine-rest/deployment/create")
        .contentType(MediaType.MULTIPART_FORM_DATA).body(parts)
        .exchange((req, res) -> check(new Response(res.getStatusCode().value(),
            new String(res.getBody().readAllBytes(), StandardCharsets.UTF_8), json), 200)).json();
    testDeployments.add(deployment.get("id").asText());
    ProcessDefinition target = repositoryService.createProcessDefinitionQuery().processDefinitionKey(source.getKey())
        .latestVersion().singleResult();
    assertThat(target.getVersion()).isGreaterThan(source.getVersion());
    assertThat(target.getDeploymentId()).isEqualTo(deployment.get("id").asText());
    return target;
  }

  /** The diagram with the task's id changed: to the engine, the old task is gone. */
  static String withoutTask(String xml, String taskKey) {
    BpmnModelInstance model = Bpmn.readModelFromStream(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    FlowNode task = model.getModelElementById(taskKey);
    task.setId(taskKey + "Replaced");
    Bpmn.validateModel(model);
    return Bpmn.convertToString(model);
  }

  /** The diagram with a task added after {@code waitingTaskKey}, that task renamed and the version tag bumped. */
  static String changedCopy(String xml, String processKey, String waitingTaskKey) {
    BpmnModelInstance model = Bpmn.readModelFromStream(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    Process process = model.getModelElementById(processKey);
    process.setCamundaVersionTag(process.getCamundaVersionTag() + "-uji-migrasi");
    FlowNode waiting = model.getModelElementById(waitingTaskKey);
    waiting.setName(waiting.getName() + " (direvisi)");

    ModelElementInstance parent = waiting.getParentElement();
    UserTask added = model.newInstance(UserTask.class);
    added.setId(ADDED_TASK);
    added.setName("Periksa kerja sama yang dipindahkan");
    added.setCamundaCandidateGroups("fasker");
    parent.addChildElement(added);
    for (SequenceFlow out : new ArrayList<>(waiting.getOutgoing())) {
      out.setSource(added);
      waiting.getOutgoing().remove(out);
      added.getOutgoing().add(out);
    }
    SequenceFlow toAdded = model.newInstance(SequenceFlow.class);
    toAdded.setId("Flow_" + waitingTaskKey + "ToCheckMigratedInstance");
    parent.addChildElement(toAdded);
    toAdded.setSource(waiting);
    toAdded.setTarget(added);
    waiting.getOutgoing().add(toAdded);
    added.getIncoming().add(toAdded);
    Bpmn.validateModel(model);
    return Bpmn.convertToString(model);
  }

  /** Works the agreement's tasks until the first open task matches; that one stays open. */
  private Waiting walkUntil(String key, Predicate<JsonNode> stop) {
    for (int i = 0; i < 30; i++) {
      JsonNode task = firstOpenTask(key);
      assertThat(task).as("an open task of " + key).isNotNull();
      if (stop.test(task)) {
        return new Waiting(task.get("taskDefinitionKey").asText(), task.get("processInstanceId").asText(),
            task.get("processDefinitionId").asText());
      }
      work(task, answer(task.get("taskDefinitionKey").asText(), cycleYear(task)));
    }
    throw new AssertionError("No matching task for " + key);
  }

  /**
   * Works every open task (and timer) to the end. The added task has no form, so it is completed without
   * variables (a user may send only what a form declares); the decision of the task before it still routes.
   */
  private List<String> finish(String key) {
    return walk(key, (taskKey, year) -> ADDED_TASK.equals(taskKey) ? Map.of() : answer(taskKey, year))
        .stream().map(Step::task).toList();
  }

  private Integer cycleYear(JsonNode task) {
    Response year = get(ADMIN, "/engine-rest/task/" + task.get("id").asText() + "/variables/cycleYear");
    return year.status() == 200 ? year.json().get("value").asInt() : null;
  }

  private JsonNode firstOpenTask(String key) {
    awaitFollowUps(key);
    JsonNode tasks = check(get(userOf("fasker"),
        "/engine-rest/task?processInstanceBusinessKey=" + key + "&sortBy=created&sortOrder=asc"), 200).json();
    return tasks.isEmpty() ? null : tasks.get(0);
  }

  private List<String> candidateGroupsOf(JsonNode task) {
    return check(get(ADMIN, "/engine-rest/task/" + task.get("id").asText() + "/identity-links?type=candidate"), 200)
        .json().findValuesAsText("groupId");
  }

  private List<String> candidateGroups(Waiting waiting) {
    JsonNode tasks = check(get(ADMIN, "/engine-rest/task?processInstanceId=" + waiting.processInstanceId()), 200).json();
    List<String> groups = new ArrayList<>();
    for (JsonNode task : tasks) {
      check(get(ADMIN, "/engine-rest/task/" + task.get("id").asText() + "/identity-links?type=candidate"), 200).json()
          .forEach(link -> groups.add(link.get("groupId").asText()));
    }
    return groups;
  }

  private void work(JsonNode task, Map<String, Object> answer) {
    String taskId = task.get("id").asText();
    JsonNode links = check(get(ADMIN, "/engine-rest/task/" + taskId + "/identity-links?type=candidate"), 200).json();
    String user = userOf(links.get(0).get("groupId").asText());
    check(post(user, "/engine-rest/task/" + taskId + "/claim", Map.of("userId", user)), 204);
    // a signing task needs its signed document uploaded first (LifecycleWalkingTest)
    uploadDocumentOf(task.get("taskDefinitionKey").asText(), taskId, user);
    check(post(user, "/engine-rest/task/" + taskId + "/submit-form", Map.of("variables", new HashMap<>(answer))), 204);
  }

  private String definitionOf(String processInstanceId) {
    return check(get(ADMIN, "/engine-rest/process-instance/" + processInstanceId), 200).json()
        .get("definitionId").asText();
  }

  /** Waits until the job executor has worked off the batch and its progress says COMPLETED. */
  private void awaitMigrated(String progress, String processInstanceId, String targetDefinitionId) {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
    JsonNode state = null;
    List<String> states = new ArrayList<>();
    while (Instant.now().isBefore(deadline)) {
      state = check(get(ADMIN, progress), 200).json();
      states.add(state.get("state").asText());
      if ("COMPLETED".equals(state.get("state").asText())) {
        assertThat(definitionOf(processInstanceId)).isEqualTo(targetDefinitionId);
        assertThat(state.get("completedJobs").asInt()).isEqualTo(state.get("totalJobs").asInt());
        assertThat(state.get("message").asText()).startsWith("Selesai pada ");
        return;
      }
      assertThat(state.get("failedJobs").asInt()).as(state.toString()).isZero();
      try {
        Thread.sleep(500);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
    throw new AssertionError("Batch " + progress + " did not finish: " + state + " after " + states);
  }
}
