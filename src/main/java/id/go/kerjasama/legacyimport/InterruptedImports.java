package id.go.kerjasama.legacyimport;

import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
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
 * Imports interrupted midway (the application killed, the database gone for
 * good) do not stay "running" for ever (docs/reliability.md "Interrupted
 * imports"). While this application runs an import it gives a sign of life
 * ({@code legacy_import.heartbeat_at}) every {@code heartbeat-interval}; an
 * import RUNNING without one for longer than {@code stale-after} has no
 * application left working on it, whichever node started it, and is marked
 * INTERRUPTED with the rows it did. At start-up first, then every
 * {@code heartbeat-interval}. The rows it did are complete (each row is
 * written whole or not at all); a re-import of the same file skips them and
 * imports the rest.
 */
@Component
class InterruptedImports {

  private static final Logger LOG = LoggerFactory.getLogger(InterruptedImports.class);

  private final LegacyImportRepository repository;
  private final TransactionTemplate transaction;
  private final Duration staleAfter;
  private final Duration heartbeatInterval;
  private final Set<Long> running = ConcurrentHashMap.newKeySet();
  private ScheduledExecutorService timer;

  InterruptedImports(LegacyImportRepository repository, PlatformTransactionManager transactionManager,
                     @Value("${kerjasama.legacy-import.stale-after:2m}") Duration staleAfter,
                     @Value("${kerjasama.legacy-import.heartbeat-interval:15s}") Duration heartbeatInterval) {
    if (staleAfter.compareTo(heartbeatInterval.multipliedBy(3)) < 0) {
      throw new IllegalStateException("kerjasama.legacy-import.stale-after (" + staleAfter
          + ") must be at least three heartbeat intervals (" + heartbeatInterval + ")");
    }
    this.repository = repository;
    this.transaction = new TransactionTemplate(transactionManager);
    this.staleAfter = staleAfter;
    this.heartbeatInterval = heartbeatInterval;
  }

  /** The start-up step: close what an earlier run left, then keep watching. */
  @EventListener(ApplicationReadyEvent.class)
  public void onReady() {
    closeInterrupted();
    timer = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread thread = new Thread(r, "legacy-import-watch");
      thread.setDaemon(true);
      return thread;
    });
    long every = heartbeatInterval.toMillis();
    timer.scheduleWithFixedDelay(this::tick, every, every, TimeUnit.MILLISECONDS);
  }

  @PreDestroy
  void stop() {
    if (timer != null) {
      timer.shutdownNow();
    }
  }

  /** This application starts working on {@code importId}. */
  void started(long importId) {
    running.add(importId);
  }

  /** This application no longer works on {@code importId} (finished, or failed in this JVM). */
  void ended(long importId) {
    running.remove(importId);
  }

  private void tick() {
    try {
      if (!running.isEmpty()) {
        transaction.executeWithoutResult(s -> repository.heartbeat(List.copyOf(running)));
      }
      closeInterrupted();
    } catch (RuntimeException e) {
      // the database may be away for a while: try again at the next tick
      LOG.warn("Legacy import watch: {}", e.toString());
    }
  }

  /**
   * Marks every import without a sign of life for longer than {@code stale-after} INTERRUPTED, with the
   * rows it imported; returns their ids.
   */
  public List<Long> closeInterrupted() {
    Instant staleBefore = Instant.now().minus(staleAfter);
    List<Long> closed = new java.util.ArrayList<>();
    for (long id : transaction.execute(s -> repository.stale(staleBefore))) {
      if (running.contains(id)) {
        continue;  // ours and alive (a heartbeat that could not be written, e.g. while the database was away)
      }
      Boolean done = transaction.execute(s -> repository.interrupt(id, staleBefore, InterruptedImports::note));
      if (Boolean.TRUE.equals(done)) {
        closed.add(id);
        ImportRecord record = repository.find(id).orElseThrow();
        LOG.warn("Legacy import {} ({}) was interrupted: {} of {} rows imported, {} not processed; marked INTERRUPTED",
            id, record.fileName(), record.importedRows(), record.totalRows(), record.pendingRows());
      }
    }
    return closed;
  }

  static String note(int importedRows) {
    return "Impor terhenti sebelum selesai (aplikasi berhenti atau koneksi basis data terputus). "
        + importedRows + " baris sudah diimpor dan tersimpan utuh. Impor ulang berkas yang sama untuk "
        + "menyelesaikannya: baris yang sudah diimpor dilewati, sisanya diimpor.";
  }
}
