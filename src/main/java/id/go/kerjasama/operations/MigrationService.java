package id.go.kerjasama.operations;

import id.go.kerjasama.platform.time.BusinessClock;
import id.go.kerjasama.platform.web.InvalidInputException;
import id.go.kerjasama.platform.web.NotFoundException;
import java.util.ArrayList;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
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
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
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
import org.camunda.bpm.engine.runtime.Job;
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
 * updates event triggers (timers, messages) to the new definitions; building
 * it is Camunda's plan validation (a plan that cannot work is refused before
 * any instance is looked at). Then instances are tried in transactions that
 * are rolled back: the engine's own instance validation says whether they can
 * move and why not. Up to {@value #TRIAL_CHUNK} instances are all tried (one
 * trial if they all can move). Above that, the instances are grouped by their
 * <em>position</em> (the shape of their execution tree: which activities,
 * nested how) and only a sample of each position is tried, at most
 * {@value #SAMPLE_PER_POSITION} instances: the engine's instance validation
 * looks at exactly that tree, so instances in the same position get the same
 * verdict. A position whose sample is refused as a whole is not migrated (its
 * instances are named with the sample's reasons); a position whose sample is
 * split is tried instance by instance. So 10,000 instances in a few positions
 * cost a few dozen trial migrations instead of 10,000, and the request answers
 * in seconds. An instance that still cannot move (its state differs in
 * something the tree does not show, or changed after the request) fails its
 * batch job: the progress ({@link #batch}) shows the failed job with its error.
 *
 * <p>Within a trial the engine validates and migrates the instances one after
 * the other and stops at the first it refuses, naming it: that one is
 * recorded and the others are tried again without it. A failure that names
 * no instance (a listener, an input/output mapping) halves the trial instead. The report's
 * active activities are read with one query per {@value #READ_CHUNK}
 * instances. Then (unless it is a dry run) the instances that can move are
 * migrated as one batch ({@code executeAsync}) that the job executor works off
 * ({@link MigrationBatchSettings}: 10 instances per job); the request answers
 * once the batch is created.
 */
@Service
class MigrationService {

  private static final Logger LOG = LoggerFactory.getLogger(MigrationService.class);
  /** How many instances one trial migrates (and rolls back) together. */
  static final int TRIAL_CHUNK = 500;
  /** How many instances' executions one query reads (an IN list of at most this many ids). */
  static final int READ_CHUNK = 1000;
  private static final DateTimeFormatter DONE_AT = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss")
      .withZone(BusinessClock.ZONE);
  /** Above {@value #TRIAL_CHUNK} instances, how many of each position are tried. */
  static final int SAMPLE_PER_POSITION = 3;
  /** How many failed jobs' errors the progress shows. */
  static final int FAILURES_SHOWN = 5;

  private final RepositoryService repositoryService;
  private final RuntimeService runtimeService;
  private final ManagementService managementService;
  private final HistoryService historyService;
  private final TransactionTemplate rollbackOnly;
  private final java.util.concurrent.atomic.AtomicLong trials = new java.util.concurrent.atomic.AtomicLong();
  private final java.util.concurrent.atomic.AtomicLong readQueries = new java.util.concurrent.atomic.AtomicLong();
  private final java.util.concurrent.atomic.AtomicLong triedInstances = new java.util.concurrent.atomic.AtomicLong();

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

  /** Whether one instance can move, and if not, why; {@code tried}: this instance itself was tried (else: its position was). */
  public record InstanceReport(String processInstanceId, String businessKey, List<String> activeActivityIds,
                               boolean migratable, List<String> problems, boolean tried) {
  }

  /**
   * The answer: the plan, every instance's verdict, how many instances were tried, and the batch if one was
   * started with the address of its progress.
   */
  public record Report(Definition source, Definition target, boolean dryRun, List<Instruction> instructions,
                       List<String> unmappedSourceActivities, int instanceCount, int migratableCount,
                       int notMigratableCount, int triedCount, List<InstanceReport> instances, String batchId,
                       String progress, String message) {
  }

  /**
   * The progress of a migration batch: {@code PREPARING} (no job created yet), {@code RUNNING},
   * {@code FAILED_JOBS} (some jobs failed for good: their errors in {@code failures}), {@code COMPLETED},
   * {@code CANCELLED} (deleted, e.g. in Cockpit, before all its jobs succeeded).
   * {@code retryingJobs}: jobs that failed and will be tried again.
   */
  public record BatchReport(String batchId, String type, String state, int totalJobs, int createdJobs,
                            int completedJobs, int remainingJobs, int failedJobs, int retryingJobs,
                            int instancesPerJob, List<String> failures, String message) {
  }

  /** Where an instance stands: its active activities and the shape of its execution tree (its position). */
  record Position(List<String> activeActivityIds, String shape) {
  }

  public Report migrate(Request request) {
    ProcessDefinition source = source(request);
    ProcessDefinition target = target(request, source);
    MigrationPlan plan = plan(source, target);

    long t0 = System.nanoTime();
    List<ProcessInstance> instances = instances(request, source);
    long t1 = System.nanoTime();
    Map<String, Position> positions = positions(instances.stream().map(ProcessInstance::getId).toList());
    long t2 = System.nanoTime();
    long trialsBefore = trials.get();
    Map<String, List<String>> problems = new HashMap<>();
    Set<String> tried = new HashSet<>();
    if (instances.size() <= TRIAL_CHUNK) {
      tryAll(plan, instances.stream().map(ProcessInstance::getId).toList(), request, problems, tried);
    } else {
      trySamples(plan, instances, positions, request, problems, tried);
    }
    long t3 = System.nanoTime();
    triedInstances.addAndGet(tried.size());
    List<InstanceReport> reports = new ArrayList<>();
    for (ProcessInstance instance : instances) {
      List<String> refused = problems.getOrDefault(instance.getId(), List.of());
      Position position = positions.get(instance.getId());
      reports.add(new InstanceReport(instance.getId(), instance.getBusinessKey(),
          position == null ? List.of() : position.activeActivityIds(), refused.isEmpty(), refused,
          tried.contains(instance.getId())));
    }
    LOG.info("Migration request for {} v{}: {} instance(s) listed in {} ms, positions read in {} ms, {} tried in {} "
            + "trial(s) in {} ms", source.getKey(), source.getVersion(), instances.size(), (t1 - t0) / 1_000_000,
        (t2 - t1) / 1_000_000, tried.size(), trials.get() - trialsBefore, (t3 - t2) / 1_000_000);
    List<String> migratable = reports.stream().filter(InstanceReport::migratable)
        .map(InstanceReport::processInstanceId).toList();
    int blocked = reports.size() - migratable.size();
    String checked = tried.size() == reports.size() ? "semua instans dicoba"
        : tried.size() + " instans dicoba sebagai contoh dari tiap posisi";

    String batchId = null;
    String message;
    if (request.isDryRun()) {
      message = "Uji coba: " + migratable.size() + " dari " + reports.size() + " instans dapat dipindahkan dari versi "
          + source.getVersion() + " ke versi " + target.getVersion() + " (" + checked + "); tidak ada yang diubah";
    } else if (migratable.isEmpty()) {
      message = "Tidak ada instans yang dapat dipindahkan dari versi " + source.getVersion() + " ke versi "
          + target.getVersion() + "; tidak ada batch yang dibuat. Lihat alasan tiap instans pada daftar instances";
    } else {
      Batch batch = executionBuilder(plan, request).processInstanceIds(migratable).executeAsync();
      batchId = batch.getId();
      LOG.info("Migration batch {}: {} instance(s) of {} v{} -> v{} ({} job(s); created in {} ms)", batchId,
          migratable.size(), source.getKey(), source.getVersion(), target.getVersion(), batch.getTotalJobs(),
          (System.nanoTime() - t3) / 1_000_000);
      message = "Batch " + batchId + " memindahkan " + migratable.size() + " instans ke versi " + target.getVersion()
          + " (" + checked + ")"
          + (blocked > 0 ? "; " + blocked + " instans tidak dapat dipindahkan dan tetap pada versi " + source.getVersion()
              : "")
          + ". Pantau kemajuannya di " + progressAddress(batchId);
    }
    List<Instruction> instructions = plan.getInstructions().stream()
        .map(i -> new Instruction(i.getSourceActivityId(), i.getTargetActivityId(), i.isUpdateEventTrigger()))
        .toList();
    return new Report(Definition.of(source), Definition.of(target), request.isDryRun(), instructions,
        unmapped(source, plan), reports.size(), migratable.size(), blocked, tried.size(), reports, batchId,
        batchId == null ? null : progressAddress(batchId), message);
  }

  /** Where an administrator follows a migration batch. */
  static String progressAddress(String batchId) {
    return "/api/admin/migrations/" + batchId;
  }

  public BatchReport batch(String batchId) {
    Batch batch = managementService.createBatchQuery().batchId(batchId).singleResult();
    if (batch != null) {
      if (!Batch.TYPE_PROCESS_INSTANCE_MIGRATION.equals(batch.getType())) {
        throw new NotFoundException("Batch " + batchId + " bukan batch migrasi");
      }
      BatchStatistics stats = managementService.createBatchStatisticsQuery().batchId(batchId).singleResult();
      int total = batch.getTotalJobs();
      int created = batch.getJobsCreated();
      int completed = stats == null ? 0 : stats.getCompletedJobs();
      int remaining = stats == null ? total : stats.getRemainingJobs();
      int failed = stats == null ? 0 : stats.getFailedJobs();
      int retrying = (int) managementService.createJobQuery().jobDefinitionId(batch.getBatchJobDefinitionId())
          .withException().withRetriesLeft().count();
      List<Job> failedForGood = failed == 0 ? List.of() : managementService.createJobQuery()
          .jobDefinitionId(batch.getBatchJobDefinitionId()).noRetriesLeft().orderByJobId().asc()
          .listPage(0, FAILURES_SHOWN);
      List<String> failures = failedForGood.stream()
          .map(j -> "pekerjaan " + j.getId() + ": " + j.getExceptionMessage()).toList();
      String state;
      String message;
      if (failed > 0) {
        state = "FAILED_JOBS";
        message = failed + " pekerjaan gagal dan tidak dicoba lagi; instansnya (" + batch.getInvocationsPerBatchJob()
            + " per pekerjaan) tetap pada versi lama. " + completed + " dari " + total + " pekerjaan selesai. Alasan "
            + "pada failures; perbaiki lalu coba ulang di Cockpit > Batch, atau jalankan migrasi lagi untuk instans "
            + "yang tersisa";
      } else if (created == 0 && completed == 0) {
        state = "PREPARING";
        message = "Batch dibuat; " + total + " pekerjaan sedang disiapkan";
      } else {
        state = "RUNNING";
        message = "Sedang berjalan: " + completed + " dari " + total + " pekerjaan selesai"
            + (created < total ? " (" + created + " sudah dibuat)" : "")
            + (retrying > 0 ? "; " + retrying + " pekerjaan gagal dan akan dicoba lagi" : "");
      }
      return new BatchReport(batchId, batch.getType(), state, total, created, completed, remaining, failed, retrying,
          batch.getInvocationsPerBatchJob(), failures, message);
    }
    HistoricBatch done = historyService.createHistoricBatchQuery().batchId(batchId).singleResult();
    if (done == null || !Batch.TYPE_PROCESS_INSTANCE_MIGRATION.equals(done.getType())) {
      throw new NotFoundException("Batch migrasi " + batchId + " tidak ditemukan");
    }
    if (done.getEndTime() == null) {
      return new BatchReport(batchId, done.getType(), "RUNNING", done.getTotalJobs(), done.getTotalJobs(), 0, 0, 0, 0,
          done.getInvocationsPerBatchJob(), List.of(), "Sedang berjalan");
    }
    // a batch deleted in Cockpit ends too: with full history its jobs' success logs tell the two apart
    int succeeded = done.getTotalJobs();
    if (managementService.getHistoryLevel() >= ProcessEngineConfigurationImpl.HISTORYLEVEL_FULL) {
      succeeded = (int) historyService.createHistoricJobLogQuery().jobDefinitionId(done.getBatchJobDefinitionId())
          .successLog().count();
    }
    String at = DONE_AT.format(done.getEndTime().toInstant());
    if (succeeded < done.getTotalJobs()) {
      return new BatchReport(batchId, done.getType(), "CANCELLED", done.getTotalJobs(), done.getTotalJobs(), succeeded,
          0, 0, 0, done.getInvocationsPerBatchJob(), List.of(), "Batch dihapus pada " + at + " sebelum selesai: "
          + succeeded + " dari " + done.getTotalJobs() + " pekerjaan selesai; instans pekerjaan lainnya tetap pada "
          + "versi lama");
    }
    return new BatchReport(batchId, done.getType(), "COMPLETED", done.getTotalJobs(), done.getTotalJobs(),
        done.getTotalJobs(), 0, 0, 0, done.getInvocationsPerBatchJob(), List.of(), "Selesai pada " + at);
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
    return request.processInstanceIds().stream().distinct().map(byId::get).toList();
  }

  /** Tries every instance; records the reasons of each that cannot move in {@code problems}. */
  private void tryAll(MigrationPlan plan, List<String> processInstanceIds, Request request,
                      Map<String, List<String>> problems, Set<String> tried) {
    for (int from = 0; from < processInstanceIds.size(); from += TRIAL_CHUNK) {
      tryTogether(plan, processInstanceIds.subList(from, Math.min(processInstanceIds.size(), from + TRIAL_CHUNK)),
          request, problems, tried);
    }
  }

  /**
   * Tries up to {@value #SAMPLE_PER_POSITION} instances of each position (the first, the middle and the last
   * by id). A position whose sample all can move goes to the batch as a whole; one whose sample is all refused
   * stays, each instance with the reasons its sample got; one whose sample is split is tried instance by
   * instance.
   */
  private void trySamples(MigrationPlan plan, List<ProcessInstance> instances, Map<String, Position> positions,
                          Request request, Map<String, List<String>> problems, Set<String> tried) {
    Map<String, List<String>> byPosition = new LinkedHashMap<>();
    for (ProcessInstance instance : instances) {
      Position position = positions.get(instance.getId());
      byPosition.computeIfAbsent(position == null ? "" : position.shape(), k -> new ArrayList<>()).add(instance.getId());
    }
    List<String> sample = new ArrayList<>();
    byPosition.values().forEach(ids -> sample.addAll(sampleOf(ids)));
    tryAll(plan, sample, request, problems, tried);
    for (List<String> ids : byPosition.values()) {
      List<String> sampled = sampleOf(ids);
      List<String> refused = sampled.stream().filter(problems::containsKey).toList();
      if (refused.isEmpty()) {
        continue;
      }
      if (refused.size() == sampled.size()) {
        List<String> reasons = new ArrayList<>(problems.get(refused.get(0)));
        reasons.add("posisi yang sama dengan instans " + refused.get(0) + " yang dicoba dan ditolak");
        ids.stream().filter(id -> !problems.containsKey(id)).forEach(id -> problems.put(id, reasons));
      } else {
        tryAll(plan, ids.stream().filter(id -> !tried.contains(id)).toList(), request, problems, tried);
      }
    }
  }

  private static List<String> sampleOf(List<String> ids) {
    if (ids.size() <= SAMPLE_PER_POSITION) {
      return ids;
    }
    Set<String> picked = new LinkedHashSet<>();
    for (int i = 0; i < SAMPLE_PER_POSITION; i++) {
      picked.add(ids.get((int) ((long) i * (ids.size() - 1) / (SAMPLE_PER_POSITION - 1))));
    }
    return List.copyOf(picked);
  }

  /**
   * Tries the instances together. The engine validates and migrates them one by one (in an order of its own)
   * and stops at the first it refuses, naming it: that one is recorded and the others are tried again without
   * it (each refusal costs one more trial; the instances that can move are migrated at most about twice in all).
   * A failure that names no instance halves the group until each such instance is tried alone.
   */
  private void tryTogether(MigrationPlan plan, List<String> processInstanceIds, Request request,
                           Map<String, List<String>> problems, Set<String> tried) {
    List<String> rest = new ArrayList<>(processInstanceIds);
    while (!rest.isEmpty()) {
      Refusal refusal = trial(plan, rest, request, tried);
      if (refusal == null) {
        return;
      }
      if (refusal.processInstanceId() != null && rest.remove(refusal.processInstanceId())) {
        problems.put(refusal.processInstanceId(), refusal.problems());
      } else if (rest.size() == 1) {
        problems.put(rest.get(0), refusal.problems());
        return;
      } else {
        int half = rest.size() / 2;
        tryTogether(plan, rest.subList(0, half), request, problems, tried);
        tryTogether(plan, rest.subList(half, rest.size()), request, problems, tried);
        return;
      }
    }
  }

  /** Why the engine refused a trial, and which instance if it said. */
  private record Refusal(String processInstanceId, List<String> problems) {
  }

  /** Migrates the instances in a transaction that is always rolled back: the engine's validation, nothing kept. */
  private Refusal trial(MigrationPlan plan, List<String> processInstanceIds, Request request, Set<String> tried) {
    trials.incrementAndGet();
    tried.addAll(processInstanceIds);
    return rollbackOnly.execute(status -> {
      status.setRollbackOnly();
      try {
        executionBuilder(plan, request).processInstanceIds(processInstanceIds).execute();
        return null;
      } catch (MigratingProcessInstanceValidationException e) {
        return new Refusal(e.getValidationReport().getProcessInstanceId(), describe(e.getValidationReport()));
      } catch (RuntimeException e) {
        return new Refusal(null, List.of(e.getMessage()));
      }
    });
  }

  /**
   * Each instance's position: its active activities, as {@code RuntimeService#getActiveActivityIds} gives them
   * (the activity of every active execution, the execution tree walked depth first), and the shape of its
   * execution tree (each execution's activity and flags, its children sorted), read for all instances with one
   * query per {@value #READ_CHUNK} instances instead of one (and a tree load) per instance.
   */
  Map<String, Position> positions(List<String> processInstanceIds) {
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
    Map<String, Position> positions = new HashMap<>();
    byInstance.forEach((instanceId, executions) -> {
      Map<String, List<ExecutionEntity>> children = new HashMap<>();
      for (ExecutionEntity execution : executions) {
        if (execution.getParentId() != null) {
          children.computeIfAbsent(execution.getParentId(), k -> new ArrayList<>()).add(execution);
        }
      }
      List<String> ids = new ArrayList<>();
      executions.stream().filter(e -> e.getId().equals(instanceId)).findFirst().ifPresent(root ->
          positions.put(instanceId, new Position(activeOf(root, children, ids), shapeOf(root, children))));
    });
    return positions;
  }

  private static List<String> activeOf(ExecutionEntity execution, Map<String, List<ExecutionEntity>> children,
                                       List<String> ids) {
    if (execution.isActive() && execution.getActivityId() != null) {
      ids.add(execution.getActivityId());
    }
    for (ExecutionEntity child : children.getOrDefault(execution.getId(), List.of())) {
      activeOf(child, children, ids);
    }
    return ids;
  }

  /** The execution tree without ids: activity, flags (active, scope, concurrent, event scope), children sorted. */
  private static String shapeOf(ExecutionEntity execution, Map<String, List<ExecutionEntity>> children) {
    List<String> below = children.getOrDefault(execution.getId(), List.of()).stream()
        .map(child -> shapeOf(child, children)).sorted().toList();
    return execution.getActivityId() + (execution.isActive() ? "+a" : "") + (execution.isScope() ? "+s" : "")
        + (execution.isConcurrent() ? "+c" : "") + (execution.isEventScope() ? "+e" : "")
        + (below.isEmpty() ? "" : below.toString());
  }

  /** How many queries read the instances' positions (tests: one per chunk, not one per instance). */
  long activityReadQueries() {
    return readQueries.get();
  }

  /** How many trial migrations this service ran (tests: the instances are tried together, not one by one). */
  long trials() {
    return trials.get();
  }

  /** How many instances the trials of all requests tried, each once a request (tests: a sample above 500). */
  long triedInstances() {
    return triedInstances.get();
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
