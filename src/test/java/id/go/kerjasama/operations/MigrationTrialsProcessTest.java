package id.go.kerjasama.operations;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.kerjasama.ProcessTest;
import java.util.List;
import java.util.stream.IntStream;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A migration request tries the instances together (up to 500 all of them; above that a sample of each
 * position) and goes on past each instance the engine refuses: each instance still gets its own verdict and
 * reasons, the instances that can move go in the batch, the request answers before the batch runs, and an
 * instance that fails in the batch shows in the batch's progress.
 */
@ProcessTest
class MigrationTrialsProcessTest {

  static final String KEY = "migration-trials-test";

  @Autowired
  ProcessEngine engine;
  @Autowired
  MigrationService migrations;

  private final List<String> deployments = new java.util.ArrayList<>();

  /** Version 1: A then B; version 2: A only (B removed, so an instance waiting at B cannot move). */
  private void deployBothVersions() {
    deploy(Bpmn.createExecutableProcess(KEY).camundaHistoryTimeToLive(1).startEvent()
        .userTask("Task_A").userTask("Task_B").endEvent().done());
    deploy(Bpmn.createExecutableProcess(KEY).camundaHistoryTimeToLive(1).startEvent()
        .userTask("Task_A").endEvent().done());
  }

  private void deploy(BpmnModelInstance model) {
    deployments.add(engine.getRepositoryService().createDeployment().name(KEY)
        .addModelInstance(KEY + ".bpmn", model).deploy().getId());
  }

  @AfterEach
  void removeTestDiagrams() {
    // a batch left with a failed job would stay for good
    engine.getManagementService().createBatchQuery().list()
        .forEach(batch -> engine.getManagementService().deleteBatch(batch.getId(), true));
    deployments.forEach(id -> engine.getRepositoryService().deleteDeployment(id, true));
  }

  private List<ProcessInstance> startOnVersion1(int count) {
    String v1 = engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(KEY)
        .processDefinitionVersion(1).singleResult().getId();
    return IntStream.range(0, count)
        .mapToObj(i -> engine.getRuntimeService().startProcessInstanceById(v1, KEY + "-" + i)).toList();
  }

  private void moveToB(ProcessInstance instance) {
    engine.getTaskService().complete(engine.getTaskService().createTaskQuery()
        .processInstanceId(instance.getId()).singleResult().getId());
    // the way on from the task runs in a job (asynchronous continuations, on by default); the job executor is off
    engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).messages().list()
        .forEach(job -> engine.getManagementService().executeJob(job.getId()));
  }

  @Test
  void instancesThatAllCanMoveAreTriedInOneTrialNotOneByOne() {
    deployBothVersions();
    startOnVersion1(40);

    long before = migrations.trials();
    MigrationService.Report report = migrations.migrate(new MigrationService.Request(KEY, 1, 2, null, true, null, null));

    assertThat(migrations.trials() - before).isOne();
    assertThat(report.migratableCount()).isEqualTo(40);
    assertThat(report.instances()).allSatisfy(i -> assertThat(i.migratable()).isTrue());
  }

  @Test
  void eachInstanceThatCannotMoveIsFoundWithItsReasonsAndTheOthersMoveInTheBatch() {
    deployBothVersions();
    List<ProcessInstance> started = startOnVersion1(9);
    List<ProcessInstance> atB = List.of(started.get(1), started.get(6));
    atB.forEach(this::moveToB);

    MigrationService.Report dry = migrations.migrate(new MigrationService.Request(KEY, 1, 2, null, true, null, null));
    assertThat(dry.migratableCount()).isEqualTo(7);
    assertThat(dry.instances()).filteredOn(i -> !i.migratable()).extracting(MigrationService.InstanceReport::processInstanceId)
        .containsExactlyInAnyOrderElementsOf(atB.stream().map(ProcessInstance::getId).toList());
    assertThat(dry.instances()).filteredOn(i -> !i.migratable())
        .allSatisfy(i -> assertThat(i.problems().toString()).contains("Task_B"));
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(KEY)
        .processDefinitionId(started.get(0).getProcessDefinitionId()).count()).as("a dry run moves nothing").isEqualTo(9);

    MigrationService.Report real = migrations.migrate(new MigrationService.Request(KEY, 1, 2, null, false, null, null));
    assertThat(real.batchId()).isNotNull();
    runBatch(real.batchId());
    String v2 = real.target().id();
    for (ProcessInstance instance : started) {
      String now = engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(instance.getId())
          .singleResult().getProcessDefinitionId();
      assertThat(now).as(instance.getBusinessKey())
          .isEqualTo(atB.contains(instance) ? instance.getProcessDefinitionId() : v2);
    }
  }

  @Test
  void aMigrationBatchMovesTenInstancesPerJob() {
    deployBothVersions();
    List<ProcessInstance> started = startOnVersion1(25);

    MigrationService.Report report = migrations.migrate(new MigrationService.Request(KEY, 1, 2, null, false, null, null));

    org.camunda.bpm.engine.batch.Batch batch = engine.getManagementService().createBatchQuery()
        .batchId(report.batchId()).singleResult();
    assertThat(batch.getInvocationsPerBatchJob()).isEqualTo(10);
    assertThat(batch.getTotalJobs()).as("25 instances, 10 per job").isEqualTo(3);
    runBatch(report.batchId());
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionId(report.target().id())
        .count()).isEqualTo(started.size());
  }

  @Test
  void theReportNamesEveryInstancesActiveActivitiesAsTheEngineDoesReadForAThousandInstancesAtOnce() {
    // version 1: A, then B beside a sub-process with C (three active activities, two of them in child executions)
    deploy(Bpmn.createExecutableProcess(KEY).camundaHistoryTimeToLive(1).startEvent()
        .userTask("Task_A")
        .parallelGateway("Fork")
        .userTask("Task_B")
        .parallelGateway("Join")
        .endEvent()
        .moveToNode("Fork")
        .subProcess("SubProcess_C").embeddedSubProcess().startEvent().userTask("Task_C").endEvent()
        .subProcessDone()
        .connectTo("Join")
        .done());
    deploy(Bpmn.createExecutableProcess(KEY).camundaHistoryTimeToLive(1).startEvent()
        .userTask("Task_A").endEvent().done());
    int count = MigrationService.READ_CHUNK + 3;
    List<ProcessInstance> started = startOnVersion1(count);
    List<ProcessInstance> forked = List.of(started.get(0), started.get(500), started.get(count - 1));
    forked.forEach(this::moveToB);

    long queriesBefore = migrations.activityReadQueries();
    long triedBefore = migrations.triedInstances();
    MigrationService.Report report = migrations.migrate(new MigrationService.Request(KEY, 1, 2, null, true, null, null));

    assertThat(migrations.activityReadQueries() - queriesBefore).as("one query per 1,000 instances").isEqualTo(2);
    // above 500 instances a sample of each position is tried: 3 at Task_A, the 3 forked ones (all of them)
    assertThat(migrations.triedInstances() - triedBefore).as("instances tried").isEqualTo(6);
    assertThat(report.triedCount()).isEqualTo(6);
    assertThat(report.instances()).filteredOn(MigrationService.InstanceReport::tried).hasSize(6);
    assertThat(report.instanceCount()).isEqualTo(count);
    assertThat(report.instances()).extracting(MigrationService.InstanceReport::processInstanceId)
        .containsExactlyInAnyOrderElementsOf(started.stream().map(ProcessInstance::getId).toList());
    for (MigrationService.InstanceReport instance : report.instances()) {
      List<String> engineSays = engine.getRuntimeService().getActiveActivityIds(instance.processInstanceId());
      // the engine reads an instance's executions in no defined order: the same activities, in any order
      assertThat(instance.activeActivityIds()).as(instance.businessKey())
          .containsExactlyInAnyOrderElementsOf(engineSays);
    }
    assertThat(report.instances()).filteredOn(i -> forked.stream().anyMatch(f -> f.getId().equals(i.processInstanceId())))
        .hasSize(3).allSatisfy(i -> {
          assertThat(i.activeActivityIds()).containsExactlyInAnyOrder("Task_B", "Task_C");
          assertThat(i.migratable()).isFalse();
          assertThat(i.tried()).isTrue();
          assertThat(i.problems().toString()).contains("Task_B");
        });
    assertThat(report.instances()).filteredOn(MigrationService.InstanceReport::migratable).hasSize(count - 3)
        .allSatisfy(i -> assertThat(i.activeActivityIds()).containsExactly("Task_A"));
    assertThat(report.message()).contains("6 instans dicoba sebagai contoh dari tiap posisi");

    // the real run: the 1,000 at Task_A move, the forked three stay, all judged by the same sample
    MigrationService.Report real = migrations.migrate(new MigrationService.Request(KEY, 1, 2, null, false, null, null));
    assertThat(real.migratableCount()).isEqualTo(count - 3);
    runBatch(real.batchId());
    assertThat(migrations.batch(real.batchId()).state()).isEqualTo("COMPLETED");
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionId(real.target().id())
        .count()).isEqualTo(count - 3);
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionId(real.source().id())
        .list()).extracting(ProcessInstance::getId)
        .containsExactlyInAnyOrderElementsOf(forked.stream().map(ProcessInstance::getId).toList());
  }

  @Test
  void aPositionWhoseSampleIsRefusedStaysWithTheSampleReasonsAndTheOthersMove() {
    deployBothVersions();
    int count = MigrationService.TRIAL_CHUNK + 20;
    List<ProcessInstance> started = startOnVersion1(count);
    List<ProcessInstance> atB = started.subList(0, 10);
    atB.forEach(this::moveToB);

    long triedBefore = migrations.triedInstances();
    MigrationService.Report report = migrations.migrate(new MigrationService.Request(KEY, 1, 2, null, true, null, null));

    assertThat(migrations.triedInstances() - triedBefore).as("3 of each position").isEqualTo(6);
    assertThat(report.migratableCount()).isEqualTo(count - 10);
    assertThat(report.instances()).filteredOn(i -> !i.migratable()).extracting(MigrationService.InstanceReport::processInstanceId)
        .containsExactlyInAnyOrderElementsOf(atB.stream().map(ProcessInstance::getId).toList());
    assertThat(report.instances()).filteredOn(i -> !i.migratable() && !i.tried()).hasSize(7)
        .allSatisfy(i -> assertThat(i.problems().toString()).contains("Task_B").contains("posisi yang sama"));
  }

  @Test
  void theRequestAnswersBeforeTheBatchRunsAndTheProgressReachesCompletedWithEveryInstanceMoved() {
    deployBothVersions();
    List<ProcessInstance> started = startOnVersion1(25);

    MigrationService.Report report = migrations.migrate(new MigrationService.Request(KEY, 1, 2, null, false, null, null));

    // answered: the batch exists, its progress address is given, and no instance has moved yet
    assertThat(report.progress()).isEqualTo("/api/admin/migrations/" + report.batchId());
    assertThat(report.message()).contains("Pantau kemajuannya di /api/admin/migrations/" + report.batchId());
    MigrationService.BatchReport before = migrations.batch(report.batchId());
    assertThat(before.state()).isEqualTo("PREPARING");
    assertThat(before.totalJobs()).isEqualTo(3);
    assertThat(before.completedJobs()).isZero();
    assertThat(before.message()).contains("sedang disiapkan");
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionId(report.target().id())
        .count()).isZero();

    runBatch(report.batchId());

    MigrationService.BatchReport after = migrations.batch(report.batchId());
    assertThat(after.state()).isEqualTo("COMPLETED");
    assertThat(after.completedJobs()).isEqualTo(3);
    assertThat(after.message()).startsWith("Selesai pada ").matches(".*\\d{2}/\\d{2}/\\d{4} .*");
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionId(report.target().id())
        .list()).extracting(ProcessInstance::getId)
        .containsExactlyInAnyOrderElementsOf(started.stream().map(ProcessInstance::getId).toList());
  }

  @Test
  void anInstanceThatCannotMoveWhenTheBatchRunsFailsItsJobAndTheProgressNamesIt() {
    deployBothVersions();
    List<ProcessInstance> started = startOnVersion1(3);
    MigrationService.Report report = migrations.migrate(new MigrationService.Request(KEY, 1, 2, null, false, null, null));
    assertThat(report.migratableCount()).isEqualTo(3);
    // between the request and the batch, one instance goes on to Task_B, which version 2 does not have
    ProcessInstance changed = started.get(1);
    moveToB(changed);

    runBatch(report.batchId());

    MigrationService.BatchReport progress = migrations.batch(report.batchId());
    assertThat(progress.state()).isEqualTo("FAILED_JOBS");
    assertThat(progress.failedJobs()).isEqualTo(1);
    assertThat(progress.message()).contains("1 pekerjaan gagal dan tidak dicoba lagi")
        .contains("tetap pada versi lama");
    assertThat(progress.failures()).singleElement().asString().contains(changed.getId());
    String batchJobs = engine.getManagementService().createBatchQuery().batchId(report.batchId()).singleResult()
        .getBatchJobDefinitionId();
    assertThat(engine.getRuntimeService().createIncidentQuery().jobDefinitionIdIn(batchJobs).count())
        .as("an incident for Cockpit").isEqualTo(1);
    // the job's instances all stayed (10 per job): the administrator runs the migration again
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionId(report.source().id())
        .count()).isEqualTo(3);
    MigrationService.Report again = migrations.migrate(new MigrationService.Request(KEY, 1, 2, null, false, null, null));
    assertThat(again.migratableCount()).isEqualTo(2);
    assertThat(again.instances()).filteredOn(i -> !i.migratable()).singleElement()
        .satisfies(i -> assertThat(i.processInstanceId()).isEqualTo(changed.getId()));
    runBatch(again.batchId());
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionId(again.target().id())
        .count()).isEqualTo(2);
    assertThat(migrations.batch(again.batchId()).state()).isEqualTo("COMPLETED");
    // the failed batch deleted, its history kept: its progress does not turn into a success
    engine.getManagementService().deleteBatch(report.batchId(), false);
    MigrationService.BatchReport deleted = migrations.batch(report.batchId());
    assertThat(deleted.state()).isEqualTo("CANCELLED");
    assertThat(deleted.completedJobs()).isZero();
    assertThat(deleted.message()).contains("sebelum selesai: 0 dari 1 pekerjaan selesai");
  }

  /** The job executor is off in process tests: runs the batch's jobs (seed, migrations, monitor) until none is left. */
  private void runBatch(String batchId) {
    org.camunda.bpm.engine.batch.Batch batch = engine.getManagementService().createBatchQuery().batchId(batchId)
        .singleResult();
    List<String> definitions = List.of(batch.getSeedJobDefinitionId(), batch.getBatchJobDefinitionId(),
        batch.getMonitorJobDefinitionId());
    for (int round = 0; round < 40; round++) {
      List<Job> jobs = engine.getManagementService().createJobQuery().list().stream()
          .filter(job -> job.getJobDefinitionId() != null && definitions.contains(job.getJobDefinitionId())
              && job.getRetries() > 0).toList();
      if (jobs.isEmpty()) {
        return;
      }
      for (Job job : jobs) {
        try {
          engine.getManagementService().executeJob(job.getId());
        } catch (RuntimeException failed) {
          // a failing job loses a retry, as with the job executor; its error stays on the job
        }
      }
    }
  }
}
