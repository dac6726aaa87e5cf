package id.go.kerjasama.operations;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * How the engine works off a migration batch (docs/operations.md "Migrating running instances",
 * docs/performance.md "Run 9"): {@code kerjasama.migration.instances-per-job} instances per batch job
 * instead of Camunda's one (10,000 instances: 1,000 jobs, each acquired, locked and logged once, instead of
 * 10,000), and the batch's monitor looking every {@code kerjasama.migration.batch-poll-seconds} instead of
 * every 30 s, so that a finished batch reads {@code COMPLETED} soon after its last job. Only migration batches
 * get more instances per job; the poll time is the engine's one for every batch (its monitor job runs only
 * while a batch does).
 */
@Component
class MigrationBatchSettings extends AbstractProcessEnginePlugin {

  private final int instancesPerJob;
  private final int pollSeconds;

  MigrationBatchSettings(@Value("${kerjasama.migration.instances-per-job:10}") int instancesPerJob,
                         @Value("${kerjasama.migration.batch-poll-seconds:5}") int pollSeconds) {
    this.instancesPerJob = instancesPerJob;
    this.pollSeconds = pollSeconds;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    Map<String, Integer> perJob = configuration.getInvocationsPerBatchJobByBatchType() == null
        ? new HashMap<>() : new HashMap<>(configuration.getInvocationsPerBatchJobByBatchType());
    perJob.put(Batch.TYPE_PROCESS_INSTANCE_MIGRATION, instancesPerJob);
    configuration.setInvocationsPerBatchJobByBatchType(perJob);
    configuration.setBatchPollTime(pollSeconds);
  }
}
