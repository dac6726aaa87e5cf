package id.go.kerjasama.operations;

import id.go.kerjasama.platform.web.InvalidInputException;
import id.go.kerjasama.platform.web.NotFoundException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.batch.BatchStatistics;
import org.camunda.bpm.engine.batch.history.HistoricBatch;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.migration.MigratingActivityInstanceValidationReport;
import org.camunda.bpm.engine.migration.MigratingProcessInstanceValidationException;
import org.camunda.bpm.engine.migration.MigratingProcessInstanceValidationReport;
import org.camunda.bpm.engine.migration.MigratingTransitionInstanceValidationReport;
import org.camunda.bpm.engine.migration.MigrationInstruction;
import org.camunda.bpm.engine.migration.MigrationInstructionValidationReport;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.migration.MigrationPlanExecutionBuilder;
import org.camunda.bpm.engine.migration.MigrationPlanValidationException;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Execution;
import org.camunda.bpm.engine.runtime.NativeExecutionQuery;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Moves running instances of a process from one version to another.
 *
 * <p>The plan maps activities with equal ids ({@code mapEqualActivities}) and
 * updates event triggers (timers, messages) to the new definitions. The
 * instances are first tried in transactions that are rolled back: the
 * engine's own instance validation says whether they can move and why not.
 * They are tried {@value #TRIAL_CHUNK} at a time; a chunk the engine refuses
 * is halved until each instance that cannot move is tried alone, with its
 * reasons (10,000 instances that all can move: 20 trials, not 10,000).
 * The report's active activities are read with one query per
 * {@value #READ_CHUNK} instances. Then (unless it is a dry run) the instances
 * that can move are migrated as one batch ({@code executeAsync}) that the job
 * executor works off ({@link MigrationBatchSettings}: 10 instances per job).
 */
@Service
class MigrationService {

  private static final Logger LOG = LoggerFactory.getLogger(MigrationService.class);
  /** How many instances one trial migrates (and rolls back) together. */
  static final int TRIAL_CHUNK = 500;
  /** How many instances' executions one query reads (an IN list of at most this many ids). */
  static final int READ_CHUNK = 1000;

  private final RepositoryService repositoryService;
  private final RuntimeService runtimeService;
  private final ManagementService managementService;
  private final HistoryService historyService;
  private final TransactionTemplate rollbackOnly;
  private final java.util.concurrent.atomic.AtomicLong trials = new java.util.concurrent.atomic.AtomicLong();
  private final java.util.concurrent.atomic.AtomicLong readQueries = new java.util.concurrent.atomic.AtomicLong();

  public MigrationService(RepositoryService repositoryService, RuntimeService runtimeService,
                          ManagementService managementService, HistoryService historyService,
                          PlatformTransactionManager transactionManager) {
    this.repositoryService = repositoryService;
    this.runtimeService = runtimeService;
    this.managementService = managementService;
    this.historyService = historyService;
    this.rollbackOnly = new TransactionTemplate(transactionManager);
    this.rollbackOnly.setPropagationBehavior(TransactionTemplate.PROPAGATION_REQUIRES_NEW);
  }

  /**
   * What to migrate.
   *
   * @param processDefinitionKey the process, e.g. {@code monitoring}
   * @param sourceVersion the version the instances run on now (required)
   * @param targetVersion the version to move to; {@code null}: the latest
   * @param processInstanceIds only these instances; {@code null}: every running instance of the source version
   * @param dryRun {@code true}: report only, change nothing
   * @param skipCustomListeners do not run execution listeners of added/removed scopes (default false)
   * @param skipIoMappings do not run input/output mappings of added/removed scopes (default false)
   */
  public record Request(String processDefinitionKey, Integer sourceVersion, Integer targetVersion,
                        List<String> processInstanceIds, Boolean dryRun, Boolean skipCustomListeners,
                        Boolean skipIoMappings) {

    boolean isDryRun() {
      return dryRun == null || dryRun;
    }
  }

  /** A process definition, briefly. */
  public record Definition(String id, String key, int version, String versionTag) {

    static Definition of(ProcessDefinition d) {
      return new Definition(d.getId(), d.getKey(), d.getVersion(), d.getVersionTag());
    }
  }

  /** One instruction of the plan: where a token in the source activity goes in the target. */
  public record Instruction(String sourceActivityId, String targetActivityId, boolean updateEventTrigger) {
  }

  /** Whether one instance can move, and if not, why. */
  public record InstanceReport(String processInstanceId, String businessKey, List<String> activeActivityIds,
                               boolean migratable, List<String> problems) {
  }

  /**
   * The answer: the plan, every instance's verdict, and the batch if one was started.
   */
  public record Report(Definition source, Definition target, boolean dryRun, List<Instruction> instructions,
                       List<String> unmappedSourceActivities, int instanceCount, int migratableCount,
                       int notMigratableCount, List<InstanceReport> instances, String batchId, String message) {
  }

  /** The progress of a migration batch. */
  public record BatchReport(String batchId, String type, String state, int totalJobs, int completedJobs,
                            int remainingJobs, int failedJobs, String message) {
  }

  public Report migrate(Request request) {
    ProcessDefinition source = source(request);
    ProcessDefinition target = target(request, source);
    MigrationPlan plan = plan(source, target);

    long t0 = System.nanoTime();
    List<ProcessInstance> instances = instances(request, source);
    long t1 = System.nanoTime();
    long trialsBefore = trials.get();
    Map<String, List<String>> problems = new HashMap<>();
    for (int from = 0; from < instances.size(); from += TRIAL_CHUNK) {
      tryTogether(plan, instances.subList(from, Math.min(instances.size(), from + TRIAL_CHUNK)), request, problems);
    }
    long t2 = System.nanoTime();
    Map<String, List<String>> activeActivities = activeActivityIds(instances.stream().map(ProcessInstance::getId)
        .toList());
    long t3 = System.nanoTime();
    List<InstanceReport> reports = new ArrayList<>();
    for (ProcessInstance instance : instances) {
      List<String> refused = problems.getOrDefault(instance.getId(), List.of());
      reports.add(new InstanceReport(instance.getId(), instance.getBusinessKey(),
          activeActivities.getOrDefault(instance.getId(), List.of()), refused.isEmpty(), refused));
    }
    LOG.info("Migration request for {} v{}: {} instance(s) listed in {} ms, tried in {} trial(s) in {} ms, active "
            + "activities read in {} ms", source.getKey(), source.getVersion(), instances.size(), (t1 - t0) / 1_000_000,
        trials.get() - trialsBefore, (t2 - t1) / 1_000_000, (t3 - t2) / 1_000_000);
    List<String> migratable = reports.stream().filter(InstanceReport::migratable)
        .map(InstanceReport::processInstanceId).toList();
    int blocked = reports.size() - migratable.size();

    String batchId = null;
    String message;
    if (request.isDryRun()) {
      message = "Uji coba: " + migratable.size() + " dari " + reports.size() + " instans dapat dipindahkan dari versi "
          + source.getVersion() + " ke versi " + target.getVersion() + "; tidak ada yang diubah";
    } else if (migratable.isEmpty()) {
      message = "Tidak ada instans yang dapat dipindahkan; tidak ada batch yang dibuat";
    } else {
      Batch batch = executionBuilder(plan, request).processInstanceIds(migratable).executeAsync();
      batchId = batch.getId();
      LOG.info("Migration batch {}: {} instance(s) of {} v{} -> v{} ({} job(s); created in {} ms)", batchId,
          migratable.size(), source.getKey(), source.getVersion(), target.getVersion(), batch.getTotalJobs(),
          (System.nanoTime() - t3) / 1_000_000);
      message = "Batch " + batchId + " memindahkan " + migratable.size() + " instans ke versi " + target.getVersion()
          + (blocked > 0 ? "; " + blocked + " instans tidak dapat dipindahkan dan tetap pada versi " + source.getVersion()
              : "");
    }
    List<Instruction> instructions = plan.getInstructions().stream()
        .map(i -> new Instruction(i.getSourceActivityId(), i.getTargetActivityId(), i.isUpdateEventTrigger()))
        .toList();
    return new Report(Definition.of(source), Definition.of(target), request.isDryRun(), instructions,
        unmapped(source, plan), reports.size(), migratable.size(), blocked, reports, batchId, message);
  }

  public BatchReport batch(String batchId) {
    Batch batch = managementService.createBatchQuery().batchId(batchId).singleResult();
    if (batch != null) {
      BatchStatistics stats = managementService.createBatchStatisticsQuery().batchId(batchId).singleResult();
      int completed = stats == null ? 0 : stats.getCompletedJobs();
      int remaining = stats == null ? batch.getTotalJobs() : stats.getRemainingJobs();
      int failed = stats == null ? 0 : stats.getFailedJobs();
      String state = failed > 0 ? "FAILED_JOBS" : "RUNNING";
      return new BatchReport(batchId, batch.getType(), state, batch.getTotalJobs(), completed, remaining, failed,
          failed > 0 ? failed + " pekerjaan gagal; lihat Cockpit > Batch untuk rinciannya"
              : "Sedang berjalan: " + completed + " dari " + batch.getTotalJobs() + " selesai");
    }
    HistoricBatch done = historyService.createHistoricBatchQuery().batchId(batchId).singleResult();
    if (done == null) {
      throw new NotFoundException("Batch " + batchId + " tidak ditemukan");
    }
    return new BatchReport(batchId, done.getType(), done.getEndTime() == null ? "RUNNING" : "COMPLETED",
        done.getTotalJobs(), done.getTotalJobs(), 0, 0,
        done.getEndTime() == null ? "Sedang berjalan" : "Selesai pada " + done.getEndTime().toInstant());
  }

  private ProcessDefinition source(Request request) {
    List<String> problems = new ArrayList<>();
    if (request.processDefinitionKey() == null || request.processDefinitionKey().isBlank()) {
      problems.add("processDefinitionKey wajib diisi (mis. monitoring)");
    }
    if (request.sourceVersion() == null) {
      problems.add("sourceVersion wajib diisi: versi tempat instans berjalan sekarang");
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
    return definition(request.processDefinitionKey(), request.sourceVersion());
  }

  private ProcessDefinition target(Request request, ProcessDefinition source) {
    ProcessDefinition target = request.targetVersion() == null
        ? repositoryService.createProcessDefinitionQuery().processDefinitionKey(source.getKey()).latestVersion()
            .singleResult()
        : definition(source.getKey(), request.targetVersion());
    if (target.getId().equals(source.getId())) {
      throw new InvalidInputException(List.of("Versi asal dan versi tujuan sama (versi " + source.getVersion()
          + "); deploy dulu versi baru atau sebutkan targetVersion"));
    }
    return target;
  }

  private ProcessDefinition definition(String key, int version) {
    ProcessDefinition definition = repositoryService.createProcessDefinitionQuery().processDefinitionKey(key)
        .processDefinitionVersion(version).singleResult();
    if (definition == null) {
      throw new NotFoundException("Proses " + key + " versi " + version + " tidak ditemukan");
    }
    return definition;
  }

  private MigrationPlan plan(ProcessDefinition source, ProcessDefinition target) {
    try {
      return runtimeService.createMigrationPlan(source.getId(), target.getId())
          .mapEqualActivities()
          .updateEventTriggers()
          .build();
    } catch (MigrationPlanValidationException e) {
      List<String> problems = new ArrayList<>();
      for (MigrationInstructionValidationReport report : e.getValidationReport().getInstructionReports()) {
        MigrationInstruction i = report.getMigrationInstruction();
        for (String failure : report.getFailures()) {
          problems.add(i.getSourceActivityId() + " -> " + i.getTargetActivityId() + ": " + failure);
        }
      }
      e.getValidationReport().getVariableReports().forEach((name, report) ->
          report.getFailures().forEach(f -> problems.add("variabel " + name + ": " + f)));
      if (problems.isEmpty()) {
        problems.add(e.getMessage());
      }
      throw new InvalidInputException(problems);
    }
  }

  private List<ProcessInstance> instances(Request request, ProcessDefinition source) {
    List<ProcessInstance> running = runtimeService.createProcessInstanceQuery()
        .processDefinitionId(source.getId()).orderByProcessInstanceId().asc().list();
    if (request.processInstanceIds() == null || request.processInstanceIds().isEmpty()) {
      return running;
    }
    Map<String, ProcessInstance> byId = running.stream()
        .collect(Collectors.toMap(ProcessInstance::getId, Function.identity()));
    List<String> unknown = request.processInstanceIds().stream().filter(id -> !byId.containsKey(id)).toList();
    if (!unknown.isEmpty()) {
      throw new InvalidInputException(unknown.stream()
          .map(id -> "Instans " + id + " tidak berjalan pada " + source.getKey() + " versi " + source.getVersion())
          .toList());
    }
    return request.processInstanceIds().stream().map(byId::get).toList();
  }

  /**
   * Tries the instances together; when the engine refuses, halves them until each refused instance is tried
   * alone. Records the reasons of each instance that cannot move in {@code problems}.
   */
  private void tryTogether(MigrationPlan plan, List<ProcessInstance> instances, Request request,
                           Map<String, List<String>> problems) {
    List<String> refused = trial(plan, instances.stream().map(ProcessInstance::getId).toList(), request);
    if (refused.isEmpty()) {
      return;
    }
    if (instances.size() == 1) {
      problems.put(instances.get(0).getId(), refused);
      return;
    }
    int half = instances.size() / 2;
    tryTogether(plan, instances.subList(0, half), request, problems);
    tryTogether(plan, instances.subList(half, instances.size()), request, problems);
  }

  /** Migrates the instances in a transaction that is always rolled back: the engine's validation, nothing kept. */
  private List<String> trial(MigrationPlan plan, List<String> processInstanceIds, Request request) {
    trials.incrementAndGet();
    return rollbackOnly.execute(status -> {
      status.setRollbackOnly();
      try {
        executionBuilder(plan, request).processInstanceIds(processInstanceIds).execute();
        return List.<String>of();
      } catch (MigratingProcessInstanceValidationException e) {
        return describe(e.getValidationReport());
      } catch (RuntimeException e) {
        return List.of(e.getMessage());
      }
    });
  }

  /**
   * Each instance's active activities, as {@code RuntimeService#getActiveActivityIds} gives them (the
   * activity of every active execution, the execution tree walked depth first), but read for all instances
   * with one query per {@value #READ_CHUNK} instances instead of one (and a tree load) per instance.
   */
  Map<String, List<String>> activeActivityIds(List<String> processInstanceIds) {
    String table = managementService.getTableName(ExecutionEntity.class);
    Map<String, List<ExecutionEntity>> byInstance = new HashMap<>();
    for (int from = 0; from < processInstanceIds.size(); from += READ_CHUNK) {
      List<String> chunk = processInstanceIds.subList(from, Math.min(processInstanceIds.size(), from + READ_CHUNK));
      StringBuilder sql = new StringBuilder("SELECT * FROM ").append(table).append(" WHERE PROC_INST_ID_ IN (");
      NativeExecutionQuery query = runtimeService.createNativeExecutionQuery();
      for (int i = 0; i < chunk.size(); i++) {
        sql.append(i == 0 ? "" : ", ").append("#{id").append(i).append('}');
        query.parameter("id" + i, chunk.get(i));
      }
      readQueries.incrementAndGet();
      for (Execution execution : query.sql(sql.append(')').toString()).list()) {
        byInstance.computeIfAbsent(execution.getProcessInstanceId(), k -> new ArrayList<>())
            .add((ExecutionEntity) execution);
      }
    }
    Map<String, List<String>> active = new HashMap<>();
    byInstance.forEach((instanceId, executions) -> {
      Map<String, List<ExecutionEntity>> children = new HashMap<>();
      for (ExecutionEntity execution : executions) {
        if (execution.getParentId() != null) {
          children.computeIfAbsent(execution.getParentId(), k -> new ArrayList<>()).add(execution);
        }
      }
      List<String> ids = new ArrayList<>();
      executions.stream().filter(e -> e.getId().equals(instanceId)).findFirst()
          .ifPresent(root -> collectActive(root, children, ids));
      active.put(instanceId, ids);
    });
    return active;
  }

  private static void collectActive(ExecutionEntity execution, Map<String, List<ExecutionEntity>> children,
                                    List<String> ids) {
    if (execution.isActive() && execution.getActivityId() != null) {
      ids.add(execution.getActivityId());
    }
    for (ExecutionEntity child : children.getOrDefault(execution.getId(), List.of())) {
      collectActive(child, children, ids);
    }
  }

  /** How many queries read the instances' active activities (tests: one per chunk, not one per instance). */
  long activityReadQueries() {
    return readQueries.get();
  }

  /** How many trial migrations this service ran (tests: the instances are tried together, not one by one). */
  long trials() {
    return trials.get();
  }

  private MigrationPlanExecutionBuilder executionBuilder(MigrationPlan plan, Request request) {
    MigrationPlanExecutionBuilder builder = runtimeService.newMigration(plan);
    if (Boolean.TRUE.equals(request.skipCustomListeners())) {
      builder.skipCustomListeners();
    }
    if (Boolean.TRUE.equals(request.skipIoMappings())) {
      builder.skipIoMappings();
    }
    return builder;
  }

  private static List<String> describe(MigratingProcessInstanceValidationReport report) {
    List<String> problems = new ArrayList<>(report.getFailures());
    for (MigratingActivityInstanceValidationReport a : report.getActivityInstanceReports()) {
      a.getFailures().forEach(f -> problems.add("aktivitas " + a.getSourceScopeId() + ": " + f));
    }
    for (MigratingTransitionInstanceValidationReport t : report.getTransitionInstanceReports()) {
      t.getFailures().forEach(f -> problems.add("transisi di " + t.getSourceScopeId() + ": " + f));
    }
    return problems;
  }

  /** Flow nodes of the source with no instruction: an instance waiting there cannot move. */
  private List<String> unmapped(ProcessDefinition source, MigrationPlan plan) {
    var mapped = plan.getInstructions().stream().map(MigrationInstruction::getSourceActivityId)
        .collect(Collectors.toSet());
    Map<String, String> waitStates = new TreeMap<>();
    var model = repositoryService.getBpmnModelInstance(source.getId());
    for (var type : List.of(org.camunda.bpm.model.bpmn.instance.UserTask.class,
        org.camunda.bpm.model.bpmn.instance.CallActivity.class,
        org.camunda.bpm.model.bpmn.instance.ReceiveTask.class,
        org.camunda.bpm.model.bpmn.instance.IntermediateCatchEvent.class,
        org.camunda.bpm.model.bpmn.instance.SubProcess.class)) {
      for (var element : model.getModelElementsByType(type)) {
        if (!mapped.contains(element.getId())) {
          waitStates.put(element.getId(), element.getId());
        }
      }
    }
    return List.copyOf(waitStates.keySet());
  }
}
