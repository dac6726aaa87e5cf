package id.go.kerjasama.it;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.model.bpmn.Bpmn;

/**
 * History cleanup with the application's settings (10-year time to live, the removal-time strategy, the
 * nightly window of application.yaml): {@code old} instances of a process with a time to live of 3,650 days
 * that ended eleven years ago (the engine clock set back while they run) and {@code young} ones that ended
 * nine years ago and today; then the cleanup, started now as an administrator would from Cockpit
 * ({@code cleanUpHistoryAsync(true)}), worked off by the job executors. Used by {@link TwoNodesIT} (asserted)
 * and {@link ClusterBenchmark} (timed).
 */
final class HistoryCleanupRun {

  static final String PROCESS = "history-cleanup-check";
  static final long DAY = 86_400_000L;

  record Result(int old, int young, double seedSeconds, double cleanupSeconds, long oldLeft, long youngLeft,
                long oldActivitiesLeft) {

    String summary() {
      return String.format(java.util.Locale.ROOT, "[history cleanup] %d instances ended 11 years ago and %d younger "
              + "(seeded in %.1f s): cleanup took %.1f s; left: %d old (activities %d), %d younger", old, young,
          seedSeconds, cleanupSeconds, oldLeft, oldActivitiesLeft, youngLeft);
    }
  }

  private HistoryCleanupRun() {
  }

  static Result run(ProcessEngine engine, int old, int young, int threads, long limitSeconds) throws Exception {
    if (engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(PROCESS).count() == 0) {
      engine.getRepositoryService().createDeployment().name(PROCESS)
          .addModelInstance(PROCESS + ".bpmn", Bpmn.createExecutableProcess(PROCESS)
              .camundaHistoryTimeToLive(3650)
              .startEvent()
              .userTask("UserTask_Record").name("Catat")
              .endEvent()
              .done())
          .deploy();
    }
    long offset = ClockUtil.getCurrentTime().getTime() - System.currentTimeMillis();
    long s0 = System.nanoTime();
    Date oldEnd;
    try {
      ClockUtil.offset(offset - 11 * 365 * DAY);
      oldEnd = new Date(ClockUtil.getCurrentTime().getTime() + DAY);
      startAndFinish(engine, "old", old, threads);
      ClockUtil.offset(offset - 9 * 365 * DAY);
      startAndFinish(engine, "nine-years", young / 2, threads);
    } finally {
      ClockUtil.offset(offset);
    }
    startAndFinish(engine, "today", young - young / 2, threads);
    double seedSeconds = YearEndBurst.seconds(System.nanoTime() - s0);

    HistoryService history = engine.getHistoryService();
    long t0 = System.nanoTime();
    history.cleanUpHistoryAsync(true);
    long limit = t0 + TimeUnit.SECONDS.toNanos(limitSeconds);
    // done when the old instances, their activities and their tasks are all gone (a round of the cleanup
    // job deletes at most 500 rows per table, then the job runs again)
    while (anyLeft(history, oldEnd) && System.nanoTime() < limit) {
      Thread.sleep(200);
    }
    double cleanupSeconds = YearEndBurst.seconds(System.nanoTime() - t0);
    long youngLeft = history.createHistoricProcessInstanceQuery().processDefinitionKey(PROCESS)
        .finishedAfter(oldEnd).count();
    long activitiesLeft = history.createHistoricActivityInstanceQuery().finishedBefore(oldEnd).count();
    return new Result(old, young, seedSeconds, cleanupSeconds, oldLeft(history, oldEnd), youngLeft, activitiesLeft);
  }

  private static boolean anyLeft(HistoryService history, Date oldEnd) {
    return oldLeft(history, oldEnd) > 0 || history.createHistoricActivityInstanceQuery().finishedBefore(oldEnd).count() > 0
        || history.createHistoricTaskInstanceQuery().finishedBefore(oldEnd).count() > 0;
  }

  private static long oldLeft(HistoryService history, Date oldEnd) {
    return history.createHistoricProcessInstanceQuery().processDefinitionKey(PROCESS).finishedBefore(oldEnd).count();
  }

  private static void startAndFinish(ProcessEngine engine, String tag, int n, int threads) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        String key = tag + "-" + i;
        done.add(pool.submit(() -> {
          String id = engine.getRuntimeService().startProcessInstanceByKey(PROCESS, key).getId();
          engine.getTaskService().complete(engine.getTaskService().createTaskQuery().processInstanceId(id)
              .singleResult().getId());
        }));
      }
      for (Future<?> f : done) {
        f.get(30, TimeUnit.MINUTES);
      }
      // each completion ends its instance in a job (asynchronous continuations, on by default): the job
      // executor runs them on the same engine clock, so they must have run before the clock is set back
      long limit = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
      while (engine.getManagementService().createJobQuery().processDefinitionKey(PROCESS).count() > 0
          && System.nanoTime() < limit) {
        Thread.sleep(100);
      }
    } finally {
      pool.shutdown();
    }
  }
}
