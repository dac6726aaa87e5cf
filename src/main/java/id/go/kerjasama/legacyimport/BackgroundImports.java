package id.go.kerjasama.legacyimport;

import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Legacy imports as background jobs (docs/operations.md "Legacy import"):
 * the upload is recorded with its file and answered at once; one worker
 * thread per application runs the imports one after the other, with the
 * heartbeat of {@link InterruptedImports}. An import no application finished
 * (killed, restarted) is closed INTERRUPTED by {@link InterruptedImports};
 * the first node that then finds it takes it up again from its stored file
 * (a conditional update, so only one node does) and imports the rows it had
 * not imported yet — each row is written whole with its natural key, so none
 * twice.
 */
@Component
class BackgroundImports {

  private static final Logger LOG = LoggerFactory.getLogger(BackgroundImports.class);

  private final LegacyImportService imports;
  private final LegacyImportRepository repository;
  private final InterruptedImports watch;
  private final TransactionTemplate transaction;
  private final Duration checkInterval;
  private final Set<Long> stopping = ConcurrentHashMap.newKeySet();
  private final Set<Long> active = ConcurrentHashMap.newKeySet();
  private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
    Thread thread = new Thread(r, "legacy-import-worker");
    thread.setDaemon(true);
    return thread;
  });
  private volatile boolean shuttingDown;
  private ScheduledExecutorService timer;

  BackgroundImports(LegacyImportService imports, LegacyImportRepository repository, InterruptedImports watch,
                    PlatformTransactionManager transactionManager,
                    @Value("${kerjasama.legacy-import.heartbeat-interval:15s}") Duration checkInterval) {
    this.imports = imports;
    this.repository = repository;
    this.watch = watch;
    this.transaction = new TransactionTemplate(transactionManager);
    this.checkInterval = checkInterval;
  }

  /** Records the import and queues it; returns its id at once. */
  long submit(String fileName, byte[] content, String user) {
    long importId = imports.startBackground(fileName, content, user);
    queue(importId);
    return importId;
  }

  private void queue(long importId) {
    // counted alive from now on, also while it waits for the worker
    watch.started(importId);
    worker.execute(() -> {
      active.add(importId);
      try {
        imports.runStored(importId, () -> !shuttingDown && !stopping.contains(importId));
      } catch (RuntimeException e) {
        // e.g. the database away: it stays RUNNING without a heartbeat, is closed INTERRUPTED and taken up again
        LOG.warn("Legacy import {} failed in the background: {}", importId, e.toString(), e);
      } finally {
        watch.ended(importId);
        stopping.remove(importId);
        active.remove(importId);
      }
    });
  }

  /** Takes up every background import found INTERRUPTED (at start-up and every check interval). */
  int resumeInterrupted() {
    int resumed = 0;
    for (long importId : transaction.execute(s -> repository.interruptedWithFile())) {
      if (Boolean.TRUE.equals(transaction.execute(s -> repository.claimInterrupted(importId)))) {
        LOG.info("Legacy import {} was interrupted; taking it up again from its stored file", importId);
        queue(importId);
        resumed++;
      }
    }
    return resumed;
  }

  /**
   * Stops an import between two chunks as if its application had died: no more rows, no more heartbeat, no
   * finish (tests; an operator stops an application instead).
   */
  void stopAsIfKilled(long importId) throws InterruptedException {
    stopping.add(importId);
    for (int i = 0; i < 600 && active.contains(importId); i++) {
      Thread.sleep(100);
    }
  }

  @EventListener(ApplicationReadyEvent.class)
  public void onReady() {
    timer = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread thread = new Thread(r, "legacy-import-resume");
      thread.setDaemon(true);
      return thread;
    });
    long every = checkInterval.toMillis();
    timer.scheduleWithFixedDelay(() -> {
      try {
        resumeInterrupted();
      } catch (RuntimeException e) {
        LOG.warn("Legacy import resume: {}", e.toString());
      }
    }, 0, every, TimeUnit.MILLISECONDS);
  }

  @PreDestroy
  void stop() {
    shuttingDown = true;
    if (timer != null) {
      timer.shutdownNow();
    }
    worker.shutdown();
    try {
      // the running import stops after its current chunk
      worker.awaitTermination(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
