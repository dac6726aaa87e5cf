package id.go.kerjasama.documents;

import id.go.kerjasama.registry.Agreement;
import id.go.kerjasama.registry.AgreementAccess;
import id.go.kerjasama.registry.AgreementService;
import id.go.kerjasama.registry.DocumentKind;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartFile;

/**
 * The agreements' documents (docs/api.md "Documents"): upload a new version,
 * list, download; plus the small upload page the signing forms in Tasklist
 * link to, since Camunda Forms have no file picker.
 */
@RestController
@RequestMapping("/api/agreements/{id}/documents")
@Tag(name = "Dokumen", description = "Dokumen kerja sama yang ditandatangani: unggah (setiap unggahan versi baru), daftar, unduh")
class DocumentController {

  private final AgreementService agreementService;
  private final DocumentService documentService;
  private final AgreementAccess access;
  private final DocumentSettings settings;

  public DocumentController(AgreementService agreementService, DocumentService documentService,
                            AgreementAccess access, DocumentSettings settings) {
    this.agreementService = agreementService;
    this.documentService = documentService;
    this.access = access;
    this.settings = settings;
  }

  /** A version as the API shows it, with the address of its content. */
  public record VersionView(int versionNo, String fileName, String contentType, long sizeBytes, String sha256,
                            String uploadedBy, Instant uploadedAt, String contentUrl) {
  }

  /** A document (one kind in one term) with its versions, oldest first. */
  public record DocumentView(long id, DocumentKind kind, String kindLabel, int term, List<VersionView> versions) {
  }

  @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(summary = "Daftar dokumen kerja sama dengan semua versinya")
  public List<DocumentView> list(@PathVariable long id) {
    access.checkRead(agreementService.get(id));
    return views(id, documentService.documents(id));
  }

  static List<DocumentView> views(long agreementId, List<AgreementDocument> documents) {
    return documents.stream().map(d -> new DocumentView(d.id(), d.kind(), d.kindLabel(), d.term(),
        d.versions().stream().map(v -> view(agreementId, v)).toList())).toList();
  }

  static VersionView view(long agreementId, DocumentVersion v) {
    return new VersionView(v.versionNo(), v.fileName(), v.contentType(), v.sizeBytes(), v.sha256(), v.uploadedBy(),
        v.uploadedAt(), contentUrl(agreementId, v.documentId(), v.versionNo()));
  }

  static String contentUrl(long agreementId, long documentId, int versionNo) {
    return "/api/agreements/" + agreementId + "/documents/" + documentId + "/versions/" + versionNo + "/content";
  }

  @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(summary = "Unggah dokumen (versi baru; versi lama tetap tersimpan)",
      description = "PDF, JPEG atau PNG; ukuran paling besar sesuai kerjasama.documents.max-size (bawaan 20 MB)")
  public ResponseEntity<DocumentView> upload(
      @PathVariable long id,
      @Parameter(description = "MSP_DRAFT, MSP, LOI, MOU, NK atau PKS (sesuai jenis kerja sama)")
      @RequestParam("kind") DocumentKind kind,
      @RequestPart("file") MultipartFile file) {
    access.checkUpload(agreementService.get(id));
    if (file.getSize() > settings.maxSize().toBytes()) {
      // the servlet's multipart ceiling is the legacy import's larger limit: a document's own is checked here,
      // before the file is read into memory, with the message an upload over the ceiling gets (DocumentApiErrors)
      throw new MaxUploadSizeExceededException(settings.maxSize().toBytes());
    }
    byte[] content;
    try {
      content = file.getBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    DocumentVersion version = documentService.upload(id, kind, file.getOriginalFilename(), content,
        access.currentUserId());
    AgreementDocument document = documentService.documents(id).stream()
        .filter(d -> d.id() == version.documentId()).findFirst().orElseThrow();
    return ResponseEntity.created(URI.create(contentUrl(id, version.documentId(), version.versionNo())))
        .body(views(id, List.of(document)).get(0));
  }

  @GetMapping("/{documentId}/versions/{versionNo}/content")
  @Operation(summary = "Unduh satu versi dokumen")
  public ResponseEntity<byte[]> content(@PathVariable long id, @PathVariable long documentId,
                                        @PathVariable int versionNo) {
    access.checkRead(agreementService.get(id));
    DocumentVersion version = documentService.version(id, documentId, versionNo);
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(version.contentType()))
        .contentLength(version.sizeBytes())
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
            .filename(version.fileName(), StandardCharsets.UTF_8).build().toString())
        .header("X-Checksum-SHA256", version.sha256())
        .eTag("\"" + version.sha256() + "\"")
        .body(documentService.content(version));
  }

  /**
   * The upload page the signing forms link to ({@code ?kind=MSP}): pick a
   * file, send it to the upload endpoint, see every version already stored.
   */
  @GetMapping("/upload")
  @Operation(summary = "Halaman unggah dokumen (untuk tautan dari formulir Tasklist)")
  public ResponseEntity<String> uploadPage(@PathVariable long id,
                                           @RequestParam(value = "kind", required = false) DocumentKind kind,
                                           jakarta.servlet.http.HttpServletRequest request) {
    Agreement agreement = access.checkRead(agreementService.get(id));
    // no "produces": errors (403, 404) still answer as JSON whatever the browser accepts
    // its own Content-Security-Policy (the JSON one of /api allows no script; docs/security.md)
    return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
        .header("Content-Security-Policy", UploadPage.CONTENT_SECURITY_POLICY)
        .body(UploadPage.render(agreement, kind, settings.maxSizeText(), sessionCsrfToken(request)));
  }

  /** The webapps' CSRF token of this browser's session (Camunda's), or null without a session. */
  private static String sessionCsrfToken(jakarta.servlet.http.HttpServletRequest request) {
    jakarta.servlet.http.HttpSession session = request.getSession(false);
    Object token = session == null ? null
        : session.getAttribute(org.camunda.bpm.webapp.impl.security.filter.util.CsrfConstants.CSRF_TOKEN_SESSION_ATTR_NAME);
    return token == null ? null : token.toString();
  }
}
