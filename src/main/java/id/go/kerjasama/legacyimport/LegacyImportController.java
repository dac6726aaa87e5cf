package id.go.kerjasama.legacyimport;

import id.go.kerjasama.platform.forms.IndonesianFormat;
import id.go.kerjasama.platform.identity.Groups;
import id.go.kerjasama.platform.web.ApiErrors.ApiError;
import id.go.kerjasama.platform.web.ForbiddenException;
import id.go.kerjasama.platform.web.InvalidInputException;
import id.go.kerjasama.platform.web.NotFoundException;
import id.go.kerjasama.registry.AgreementAccess;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartFile;

/**
 * The legacy import (docs/api.md "Legacy import"), for administrators:
 * {@code POST /api/admin/imports} with the CSV as a multipart file
 * ({@code file}) or as the request body ({@code text/csv}; not {@code text/plain},
 * docs/security.md "Cross-site requests"). An upload from anyone but an administrator is refused before its
 * body is read ({@link ImportUploadGate}); every method checks again.
 */
@RestController
@RequestMapping("/api/admin/imports")
@Tag(name = "Impor data lama", description = "Impor CSV kerja sama yang sudah ada (khusus administrator)")
class LegacyImportController {

  static final String ADMINISTRATORS_ONLY = "Impor data lama hanya untuk administrator";

  private final LegacyImportService importService;
  private final BackgroundImports background;
  private final AgreementAccess access;
  private final DataSize maxSize;

  public LegacyImportController(LegacyImportService importService, BackgroundImports background,
                                AgreementAccess access,
                                @Value("${kerjasama.legacy-import.max-size:64MB}") DataSize maxSize) {
    this.importService = importService;
    this.background = background;
    this.access = access;
    this.maxSize = maxSize;
  }

  @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(summary = "Impor CSV kerja sama lama (berkas multipart 'file')",
      description = "Baris yang salah dilaporkan dengan nomor baris dan alasannya dan tidak diimpor; baris yang benar "
          + "diimpor; baris yang sudah pernah diimpor dilewati. dryRun=true hanya memeriksa.")
  public ResponseEntity<?> importFile(@RequestPart("file") MultipartFile file,
                                      @Parameter(description = "true: hanya periksa, tidak ada yang disimpan")
                                      @RequestParam(defaultValue = "false") boolean dryRun,
                                      @Parameter(description = "true: impor di latar belakang; jawaban 202 dengan "
                                          + "nomor impor segera, kemajuan di GET /api/admin/imports/{importId}")
                                      @RequestParam(defaultValue = "false") boolean background) {
    checkAdministrator();
    checkSize(file.getSize());
    try {
      return answer(file.getOriginalFilename(), file.getBytes(), dryRun, background);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  // text/csv only: text/plain is what a page on another site can send without the browser asking first
  @PostMapping(consumes = "text/csv", produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(summary = "Impor CSV kerja sama lama (isi permintaan text/csv)")
  public ResponseEntity<?> importBody(@RequestBody byte[] csv,
                                      @RequestParam(defaultValue = "false") boolean dryRun,
                                      @RequestParam(required = false) String fileName,
                                      @RequestParam(defaultValue = "false") boolean background) {
    checkAdministrator();
    if (csv == null || csv.length == 0) {
      throw new InvalidInputException(List.of("Berkas CSV kosong"));
    }
    checkSize(csv.length);
    return answer(fileName, csv, dryRun, background);
  }

  /** The report of an import run in the request, or 202 with the record of a background import at once. */
  private ResponseEntity<?> answer(String fileName, byte[] csv, boolean dryRun, boolean inBackground) {
    if (!inBackground) {
      return ResponseEntity.ok(importService.run(fileName, csv, dryRun, access.currentUserId()));
    }
    if (dryRun) {
      throw new InvalidInputException(List.of("Pemeriksaan saja (dryRun) tidak dijalankan di latar belakang: "
          + "kirim tanpa background=true"));
    }
    long importId = background.submit(fileName, csv, access.currentUserId());
    ImportRecord record = importService.record(importId).orElseThrow();
    return ResponseEntity.accepted().location(URI.create("/api/admin/imports/" + importId)).body(record);
  }

  @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(summary = "Daftar impor terakhir, yang terbaru dulu",
      description = "Status tiap impor (sedang berjalan, selesai, terhenti sebelum selesai) dan jumlah barisnya.")
  public List<ImportRecord> latest(@Parameter(description = "banyaknya impor, 1-200")
                                   @RequestParam(defaultValue = "20") int size) {
    checkAdministrator();
    if (size < 1 || size > 200) {
      throw new InvalidInputException(List.of("size harus 1 sampai 200"));
    }
    return importService.latest(size);
  }

  @GetMapping(path = "/{importId}", produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(summary = "Status satu impor",
      description = "Juga untuk impor yang terhenti (aplikasi mati di tengah impor): berapa baris sudah diimpor, "
          + "ditolak, dan belum diproses.")
  public ImportRecord one(@PathVariable long importId) {
    checkAdministrator();
    return importService.record(importId)
        .orElseThrow(() -> new NotFoundException("Impor #" + importId + " tidak ditemukan"));
  }

  @GetMapping(path = "/{importId}/rejected", produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(summary = "Baris yang ditolak satu impor, menurut nomor baris",
      description = "Tiap baris dengan nomor barisnya (judul kolom = baris 1), nomor lamanya dan alasannya; juga "
          + "untuk impor di latar belakang, selama dan sesudah berjalan.")
  public List<ImportReport.RejectedRow> rejected(@PathVariable long importId,
                                                 @Parameter(description = "mulai dari baris ke berapa (0 = pertama)")
                                                 @RequestParam(defaultValue = "0") int from,
                                                 @Parameter(description = "banyaknya baris, 1-500")
                                                 @RequestParam(defaultValue = "100") int size) {
    checkAdministrator();
    if (from < 0 || size < 1 || size > 500) {
      throw new InvalidInputException(List.of("from harus 0 atau lebih dan size 1 sampai 500"));
    }
    if (importService.record(importId).isEmpty()) {
      throw new NotFoundException("Impor #" + importId + " tidak ditemukan");
    }
    return importService.rejected(importId, from, size);
  }

  /** Before anything is written: no import record, no stored file. */
  private void checkSize(long bytes) {
    if (bytes > maxSize.toBytes()) {
      throw new MaxUploadSizeExceededException(maxSize.toBytes());
    }
  }

  /**
   * A file over the import's limit, found here or by the servlet's multipart parser (whose ceiling is this
   * limit, spring.servlet.multipart): the import's own message, not a document's (DocumentApiErrors).
   */
  @ExceptionHandler(MaxUploadSizeExceededException.class)
  ResponseEntity<ApiError> tooLarge(MaxUploadSizeExceededException e) {
    return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).contentType(MediaType.APPLICATION_JSON)
        .body(new ApiError(HttpStatus.PAYLOAD_TOO_LARGE.value(), "Berkas impor terlalu besar; ukuran paling besar "
            + IndonesianFormat.size(maxSize) + ". Bagi menjadi beberapa berkas, masing-masing dengan baris judul "
            + "kolomnya, dan impor satu per satu.", null));
  }

  private void checkAdministrator() {
    if (!access.currentGroups().contains(Groups.ADMIN)) {
      throw new ForbiddenException(ADMINISTRATORS_ONLY);
    }
  }
}
