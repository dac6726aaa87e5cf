package id.go.kerjasama.legacyimport;

import id.go.kerjasama.documents.DocumentService;
import id.go.kerjasama.lifecycle.LifecycleProcess;
import id.go.kerjasama.lifecycle.LifecycleTerms;
import id.go.kerjasama.platform.forms.DeclaredForm;
import id.go.kerjasama.platform.time.BusinessClock;
import id.go.kerjasama.platform.web.InvalidInputException;
import id.go.kerjasama.registry.AgreementRepository;
import id.go.kerjasama.registry.AgreementTerm;
import id.go.kerjasama.registry.ProcessVariables;
import id.go.kerjasama.registry.Status;
import id.go.kerjasama.signing.SigningRecord;
import id.go.kerjasama.signing.SigningRepository;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Service;
import id.go.kerjasama.platform.security.AuthorizationGrants;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports existing agreements from a CSV file (docs/api.md "Legacy import").
 * Every row is checked first; a bad row is reported with its line and
 * reasons and imports nothing, the good rows are imported (the file is not
 * rejected as a whole: fix the bad rows and import the same file again — rows
 * already imported are recognised by their natural key, legacy number within
 * proposer, and skipped). A good row is written whole or not at all: its
 * registry record, its signing history, its audit entry and its lifecycle
 * instance, started at the phase the agreement is in ({@link ImportPlacement}).
 */
@Service
class LegacyImportService {

  private static final Logger LOG = LoggerFactory.getLogger(LegacyImportService.class);
  static final String IMPORT_ACTIVITY = "Import_LegacyAgreement";
  /**
   * Good rows are written in transactions of this many rows (fewer commits); a chunk that fails is
   * redone row by row, so that only the failing row is left out.
   */
  static final int CHUNK_SIZE = 50;
  /**
   * The helper threads of all imports (daemons, created when needed, ended after a minute idle): each
   * import writes on its own thread and {@code threads - 1} of these.
   */
  private static final java.util.concurrent.ExecutorService HELPERS = java.util.concurrent.Executors
      .newCachedThreadPool(new java.util.concurrent.ThreadFactory() {
        private final java.util.concurrent.atomic.AtomicInteger count = new java.util.concurrent.atomic.AtomicInteger();

        @Override
        public Thread newThread(Runnable r) {
          Thread thread = new Thread(r, "legacy-import-chunks-" + count.incrementAndGet());
          thread.setDaemon(true);
          return thread;
        }
      });

  private final LegacyImportRepository repository;
  private final LegacyRowReader reader;
  private final SigningRepository signings;
  private final AgreementRepository agreements;
  private final LifecycleTerms lifecycleTerms;
  private final RuntimeService runtimeService;
  private final TransactionTemplate transaction;
  private final InterruptedImports watch;
  private final ProcessEngine processEngine;
  /** Chunks written at once ({@code kerjasama.legacy-import.threads}, 1: one after the other). */
  private final int threads;

  public LegacyImportService(LegacyImportRepository repository, LegacyRowReader reader, SigningRepository signings,
                             AgreementRepository agreements, LifecycleTerms lifecycleTerms,
                             @Lazy RuntimeService runtimeService, PlatformTransactionManager transactionManager,
                             InterruptedImports watch, @Lazy ProcessEngine processEngine,
                             @org.springframework.beans.factory.annotation.Value(
                                 "${kerjasama.legacy-import.threads:1}") int threads) {
    this.processEngine = processEngine;
    this.threads = Math.max(1, threads);
    this.repository = repository;
    this.reader = reader;
    this.signings = signings;
    this.agreements = agreements;
    this.lifecycleTerms = lifecycleTerms;
    this.runtimeService = runtimeService;
    this.transaction = new TransactionTemplate(transactionManager);
    this.watch = watch;
  }

  public ImportReport run(String fileName, byte[] content, boolean dryRun, String user) {
    long started = System.nanoTime();
    LegacyCsv.Parsed parsed = LegacyCsv.parse(decode(content), LegacyRowReader.COLUMNS);
    String sha256 = DocumentService.sha256(content);
    long importId = transaction.execute(s -> repository.startImport(fileName, sha256, dryRun, user));
    watch.started(importId);
    try {
      return run(importId, fileName, sha256, parsed, dryRun, user, started, () -> true);
    } finally {
      watch.ended(importId);
    }
  }

  /**
   * Records a background import of the file and keeps the file with it (for {@link BackgroundImports}, which
   * runs it): the file's columns are checked here, so that a file that cannot be an import is refused at
   * once; its rows are checked by the import.
   */
  long startBackground(String fileName, byte[] content, String user) {
    LegacyCsv.parse(decode(content), LegacyRowReader.COLUMNS);
    String sha256 = DocumentService.sha256(content);
    return transaction.execute(s -> {
      long importId = repository.startImport(fileName, sha256, false, user);
      repository.storeFile(importId, content);
      return importId;
    });
  }

  /**
   * Runs (or takes up again) the background import {@code importId} from its stored file, while
   * {@code keepGoing} says so (checked between chunks; a stop leaves it RUNNING for {@link InterruptedImports}
   * to close and {@link BackgroundImports} to take up again). The file is deleted when it finished.
   *
   * @return false if it stopped before the end
   */
  boolean runStored(long importId, java.util.function.BooleanSupplier keepGoing) {
    long started = System.nanoTime();
    ImportRecord record = repository.find(importId).orElseThrow();
    byte[] content = repository.file(importId).orElseThrow(() -> new IllegalStateException(
        "Import " + importId + " has no stored file"));
    LegacyCsv.Parsed parsed = LegacyCsv.parse(decode(content), LegacyRowReader.COLUMNS);
    try {
      run(importId, record.fileName(), record.sha256(), parsed, false, record.importedBy(), started, keepGoing);
    } catch (Stopped stopped) {
      LOG.info("Legacy import {} stopped before its end; it is taken up again when found interrupted", importId);
      return false;
    }
    transaction.executeWithoutResult(s -> repository.deleteFile(importId));
    return true;
  }

  /** A background import told to stop between two chunks. */
  static final class Stopped extends RuntimeException {
    Stopped() {
      super(null, null, false, false);
    }
  }

  private ImportReport run(long importId, String fileName, String sha256, LegacyCsv.Parsed parsed, boolean dryRun,
                           String user, long started, java.util.function.BooleanSupplier keepGoing) {
    LocalDate today = BusinessClock.today();

    Map<String, LegacyImportRepository.Existing> existingKeys = repository.existingKeys();
    // taken up again after an interruption: the rows this import wrote before are imported, not "already there"
    int importedBefore = 0;
    Map<String, Integer> linesByKey = new HashMap<>();
    List<ImportReport.RejectedRow> rejected = new ArrayList<>();
    List<ImportReport.ExistingRow> existing = new ArrayList<>();
    List<LegacyRow> valid = new ArrayList<>();
    int total = 0;
    DeclaredForm proposalForm = reader.proposalForm();
    for (LegacyCsv.Row raw : parsed.rows()) {
      if (raw.blank()) {
        continue;
      }
      total++;
      if (raw.problem() != null) {
        // its quotes do not add up: reported on its line, the rows after it are read on their own
        rejected.add(new ImportReport.RejectedRow(raw.line(), blankToNull(raw.get("legacy_number")),
            List.of(raw.problem())));
        continue;
      }
      LegacyRowReader.Result result = reader.read(raw, today, proposalForm);
      if (!result.problems().isEmpty()) {
        rejected.add(new ImportReport.RejectedRow(raw.line(), blankToNull(raw.get("legacy_number")), result.problems()));
        continue;
      }
      LegacyRow row = result.row();
      LegacyImportRepository.Existing registered = existingKeys.get(row.key());
      Integer firstLine = linesByKey.putIfAbsent(row.key(), row.line());
      if (firstLine != null) {
        rejected.add(new ImportReport.RejectedRow(row.line(), row.legacyNumber(), List.of("Nomor lama "
            + row.legacyNumber() + " dari " + row.proposerUnit() + " sudah ada di baris " + firstLine)));
      } else if (registered != null && registered.importId() == importId) {
        importedBefore++;
      } else if (registered != null) {
        existing.add(new ImportReport.ExistingRow(row.line(), row.legacyNumber(), registered.registrationNumber()));
      } else {
        valid.add(row);
      }
    }

    int checkedTotal = total;
    int before = importedBefore;
    transaction.executeWithoutResult(s -> {
      repository.checked(importId, checkedTotal, before, existing.size(), rejected.size());
      repository.replaceRejected(importId, rejected);
    });

    List<ImportReport.ImportedRow> imported = new ArrayList<>();
    if (dryRun) {
      for (LegacyRow row : valid) {
        ImportPlacement placement = placement(row, today);
        imported.add(new ImportReport.ImportedRow(row.line(), row.legacyNumber(), null, placement.phase(),
            placement.status(), placement.startActivity(), null));
      }
    } else {
      List<List<LegacyRow>> chunks = new ArrayList<>();
      for (int from = 0; from < valid.size(); from += CHUNK_SIZE) {
        chunks.add(valid.subList(from, Math.min(valid.size(), from + CHUNK_SIZE)));
      }
      List<List<ImportReport.ImportedRow>> written = writeChunks(chunks, importId, user, today, keepGoing, rejected);
      written.forEach(imported::addAll);
    }
    rejected.sort(Comparator.comparingInt(ImportReport.RejectedRow::line));
    int importedCount = importedBefore + imported.size();
    int finalTotal = total;
    transaction.executeWithoutResult(s -> repository.finishImport(importId, finalTotal, importedCount,
        existing.size(), rejected.size()));
    long millis = (System.nanoTime() - started) / 1_000_000;
    LOG.info("Legacy import {} ({}{}): {} rows, {} imported, {} already there, {} rejected, {} ms", importId, fileName,
        dryRun ? ", dry run" : "", total, importedCount, existing.size(), rejected.size(), millis);
    return new ImportReport(importId, dryRun, fileName, sha256, total, importedCount, existing.size(),
        rejected.size(), millis, rejected, existing, imported);
  }

  /**
   * Writes the chunks, each in a transaction of its own, on {@link #threads} threads at once (this one and
   * helpers that act as the same engine user): each takes the next chunk not yet taken, so that every row
   * is written once; a chunk's progress is counted in its own transaction, as before. When
   * {@code keepGoing} says stop, no thread takes another chunk; those being written are finished, then
   * {@link Stopped} is thrown. Returns the rows written, by chunk in file order.
   */
  private List<List<ImportReport.ImportedRow>> writeChunks(List<List<LegacyRow>> chunks, long importId, String user,
                                                           LocalDate today,
                                                           java.util.function.BooleanSupplier keepGoing,
                                                           List<ImportReport.RejectedRow> rejected) {
    List<List<ImportReport.ImportedRow>> written = new ArrayList<>(java.util.Collections.nCopies(chunks.size(),
        List.<ImportReport.ImportedRow>of()));
    java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
    java.util.concurrent.atomic.AtomicBoolean stopped = new java.util.concurrent.atomic.AtomicBoolean();
    List<ImportReport.RejectedRow> failed = java.util.Collections.synchronizedList(new ArrayList<>());
    Runnable work = () -> {
      while (!stopped.get()) {
        int index = next.getAndIncrement();
        if (index >= chunks.size()) {
          return;
        }
        if (!keepGoing.getAsBoolean()) {
          stopped.set(true);
          return;
        }
        List<ImportReport.ImportedRow> rows = writeChunk(chunks.get(index), importId, user, today, failed);
        synchronized (written) {
          written.set(index, rows);
        }
      }
    };
    int helpers = Math.min(threads, chunks.size()) - 1;
    List<java.util.concurrent.Future<?>> running = new ArrayList<>();
    org.camunda.bpm.engine.impl.identity.Authentication authentication =
        processEngine.getIdentityService().getCurrentAuthentication();
    for (int i = 0; i < helpers; i++) {
      running.add(HELPERS.submit(() -> asUser(authentication, work)));
    }
    RuntimeException failure = null;
    try {
      work.run();
    } catch (RuntimeException e) {
      // no more chunks on the other threads either: the import ends as if the application had stopped here
      stopped.set(true);
      failure = e;
    }
    for (java.util.concurrent.Future<?> helper : running) {
      try {
        helper.get();
      } catch (java.util.concurrent.ExecutionException e) {
        stopped.set(true);
        if (failure == null) {
          failure = e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        stopped.set(true);
        if (failure == null) {
          failure = new IllegalStateException("Interrupted while the import's chunks were written", e);
        }
      }
    }
    rejected.addAll(failed);
    if (failure != null) {
      throw failure;
    }
    if (stopped.get()) {
      throw new Stopped();
    }
    return written;
  }

  /** One chunk in one transaction; if it fails, its rows one by one, so that only a failing row is left out. */
  private List<ImportReport.ImportedRow> writeChunk(List<LegacyRow> chunk, long importId, String user,
                                                   LocalDate today, List<ImportReport.RejectedRow> failed) {
    try {
      return transaction.execute(s -> {
        // the visibility grants of the chunk's instances are written together at its end (one flush)
        List<ImportReport.ImportedRow> written = AuthorizationGrants.batched(processEngine,
            () -> chunk.stream().map(row -> importRow(row, placement(row, today), importId, user)).toList());
        // counted with the rows it counts: after a crash the record says what the registry holds
        repository.progressed(importId, written.size(), 0);
        return written;
      });
    } catch (RuntimeException chunkFailed) {
      // one row spoilt the chunk, which rolled back whole: redo it row by row to find that row
      List<ImportReport.ImportedRow> written = new ArrayList<>();
      for (LegacyRow row : chunk) {
        try {
          written.add(transaction.execute(s -> {
            ImportReport.ImportedRow one = AuthorizationGrants.batched(processEngine,
                () -> importRow(row, placement(row, today), importId, user));
            repository.progressed(importId, 1, 0);
            return one;
          }));
        } catch (RuntimeException e) {
          LOG.warn("Legacy import {}: line {} failed", importId, row.line(), e);
          ImportReport.RejectedRow rejectedRow = new ImportReport.RejectedRow(row.line(), row.legacyNumber(),
              List.of(failure(importId, row, e)));
          failed.add(rejectedRow);
          transaction.executeWithoutResult(s -> {
            repository.progressed(importId, 0, 1);
            repository.addRejected(importId, List.of(rejectedRow));
          });
        }
      }
      return written;
    }
  }

  /** Runs {@code work} as the engine user the import runs as (none in the background). */
  private void asUser(org.camunda.bpm.engine.impl.identity.Authentication authentication, Runnable work) {
    org.camunda.bpm.engine.IdentityService identity = processEngine.getIdentityService();
    if (authentication != null) {
      identity.setAuthentication(authentication);
    }
    try {
      work.run();
    } finally {
      identity.clearAuthentication();
    }
  }

  /** The record of import {@code importId}: running, finished or interrupted, with its counts. */
  public java.util.Optional<ImportRecord> record(long importId) {
    return repository.find(importId);
  }

  /** The rows import {@code importId} refused, by line: {@code limit} of them from {@code offset}. */
  public List<ImportReport.RejectedRow> rejected(long importId, int offset, int limit) {
    return repository.rejected(importId, offset, limit);
  }

  /** The latest imports, newest first. */
  public List<ImportRecord> latest(int limit) {
    return repository.latest(limit);
  }

  /**
   * Why a good row could not be written, for the report: the rule it broke when that is a message for a
   * person; otherwise no database or engine text (it names tables and SQL), only where to look.
   */
  static String failure(long importId, LegacyRow row, RuntimeException e) {
    if (e instanceof InvalidInputException invalid) {
      return "Gagal diimpor: " + String.join("; ", invalid.problems());
    }
    return "Gagal diimpor karena kesalahan pada server (catatan server: impor #" + importId + ", baris " + row.line()
        + "). Baris lain tidak terpengaruh; impor ulang berkas yang sama untuk mencoba baris ini lagi.";
  }

  private ImportPlacement placement(LegacyRow row, LocalDate today) {
    return ImportPlacement.of(row.documentKind(), row.endDate(), today);
  }

  private ImportReport.ImportedRow importRow(LegacyRow row, ImportPlacement placement, long importId, String user) {
    String reason = placement.status() == Status.EXPIRED
        ? "Berakhir pada " + row.endDate() + " (data lama, diimpor)" : null;
    Map.Entry<Long, String> created = repository.insertAgreement(row, placement, reason, user);
    long id = created.getKey();
    String registrationNumber = created.getValue();
    repository.insertKey(id, row, importId);
    signings.insert(id, 1, row.documentKind(), row.documentNumber(), row.signatories(), row.signedOn(),
        row.startDate(), row.endDate(), SigningRecord.SOURCE_IMPORT, user);
    agreements.insertEvent(id, user, placement.phase(), IMPORT_ACTIVITY, "Diimpor dari data lama", "IMPORTED",
        "Impor #" + importId + ", baris " + row.line() + "; nomor lama " + row.legacyNumber());
    LocalDate renewalStartsOn = null;
    if (placement.startActivity() != null) {
      Map<String, Object> variables = new HashMap<>();
      variables.put(ProcessVariables.AGREEMENT_ID, id);
      variables.put(ProcessVariables.REGISTRATION_NUMBER, registrationNumber);
      variables.put(ProcessVariables.COOPERATION_TYPE, row.type().name());
      variables.put(ProcessVariables.COOPERATION_TITLE, row.title());
      variables.put(ProcessVariables.PROPOSER_NAME, row.proposerName());
      variables.put(ProcessVariables.PROPOSER_GROUP, row.proposerUnit());
      variables.put(ProcessVariables.PROPOSER_LEVEL, row.proposerLevel());
      variables.put(ProcessVariables.PROVINCE_GROUP, row.proposerProvince());
      variables.put(ProcessVariables.PARTNER_MINISTRY_GROUP, row.partnerMinistry());
      // with the partner ministry, what makes it a Nota Kesepakatan for signing and renewal (Agreement.notaKesepakatan)
      variables.put(ProcessVariables.PARTNER_REGION_GROUP, row.partnerRegion());
      variables.put(ProcessVariables.BURDENS_PUBLIC_OR_OUTSIDE_BUDGET, false);
      // central approval lies behind an agreement that was signed
      variables.put(LifecycleProcess.APPROVAL_OUTCOME, "APPROVED");
      if (placement.runsTerm()) {
        AgreementTerm term = lifecycleTerms.recordImportedTerm(id, BusinessClock.today().getYear());
        variables.put(ProcessVariables.TERM, term.term());
        renewalStartsOn = term.renewalStartsOn();
      }
      ProcessInstance instance = runtimeService.createProcessInstanceByKey(LifecycleProcess.PROCESS_KEY)
          .businessKey(registrationNumber)
          .setVariables(variables)
          .startBeforeActivity(placement.startActivity())
          .execute();
      repository.setProcessInstance(id, instance.getId());
    }
    return new ImportReport.ImportedRow(row.line(), row.legacyNumber(), registrationNumber, placement.phase(),
        placement.status(), placement.startActivity(), renewalStartsOn);
  }

  /** UTF-8 (with or without BOM); a file that is not valid UTF-8 is read as Windows-1252, as older spreadsheets save. */
  static String decode(byte[] content) {
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(content)).toString();
    } catch (CharacterCodingException e) {
      return new String(content, Charset.forName("windows-1252"));
    }
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
