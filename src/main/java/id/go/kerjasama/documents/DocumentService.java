package id.go.kerjasama.documents;

import id.go.kerjasama.platform.web.InvalidInputException;
import id.go.kerjasama.platform.web.NotFoundException;
import id.go.kerjasama.registry.Agreement;
import id.go.kerjasama.registry.AgreementService;
import id.go.kerjasama.registry.CooperationType;
import id.go.kerjasama.registry.DocumentKind;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The agreements' documents: every upload becomes a new version (never
 * overwritten) with its SHA-256, uploader and time; only PDF, JPEG and PNG up
 * to the configured size are taken, recognised by their content, not by the
 * name or the type the browser claims.
 */
@Service
@Transactional
public class DocumentService {

  public static final String PDF = "application/pdf";
  public static final String JPEG = "image/jpeg";
  public static final String PNG = "image/png";

  private final DocumentRepository repository;
  private final AgreementService agreementService;
  private final DocumentSettings settings;

  public DocumentService(DocumentRepository repository, AgreementService agreementService, DocumentSettings settings) {
    this.repository = repository;
    this.agreementService = agreementService;
    this.settings = settings;
  }

  /**
   * Stores a new version of the agreement's document of that kind in its
   * current term (the first upload creates the document).
   */
  public DocumentVersion upload(long agreementId, DocumentKind kind, String fileName, byte[] content, String user) {
    Agreement agreement = agreementService.get(agreementId);
    if (!kind.belongsTo(agreement.type())) {
      throw new InvalidInputException(List.of("Jenis dokumen " + kind.name() + " tidak berlaku untuk "
          + agreement.type().label().toLowerCase(Locale.ROOT) + "; pilihan: " + kindsOf(agreement.type())));
    }
    if (content == null || content.length == 0) {
      throw new InvalidInputException(List.of("Berkas kosong; pilih berkas dokumen yang telah ditandatangani"));
    }
    if (content.length > settings.maxSize().toBytes()) {
      throw new DocumentRejectedException(HttpStatus.PAYLOAD_TOO_LARGE, "Berkas terlalu besar ("
          + megabytes(content.length) + "); ukuran paling besar " + settings.maxSizeText());
    }
    String contentType = detectType(content);
    if (contentType == null) {
      throw new DocumentRejectedException(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
          "Jenis berkas tidak diterima; unggah PDF, JPEG atau PNG (hasil pindaian disimpan sebagai PDF atau gambar)");
    }
    String name = cleanFileName(fileName, contentType);
    String sha256 = sha256(content);

    repository.lockAgreement(agreementId);
    int term = agreement.term();
    long documentId = repository.findDocument(agreementId, kind, term)
        .orElseGet(() -> repository.insertDocument(agreementId, kind, term, user));
    int versionNo = repository.nextVersionNo(documentId);
    repository.insertVersion(documentId, versionNo, name, contentType, content, sha256, user);
    agreementService.recordEvent(agreementId, user, agreement.phase(), "Document_" + kind.name(),
        "Unggah " + kind.label(), "UPLOADED", "Versi " + versionNo + ": " + name + " (" + megabytes(content.length)
            + ", SHA-256 " + sha256 + ")");
    return repository.version(agreementId, documentId, versionNo).orElseThrow();
  }

  @Transactional(readOnly = true)
  public List<AgreementDocument> documents(long agreementId) {
    return repository.documents(agreementId);
  }

  @Transactional(readOnly = true)
  public DocumentVersion version(long agreementId, long documentId, int versionNo) {
    return repository.version(agreementId, documentId, versionNo).orElseThrow(() -> new NotFoundException(
        "Dokumen " + documentId + " versi " + versionNo + " tidak ditemukan pada kerja sama " + agreementId));
  }

  @Transactional(readOnly = true)
  public byte[] content(DocumentVersion version) {
    return repository.content(version.id());
  }

  /** Whether the signed document of that kind was uploaded in the agreement's term. */
  @Transactional(readOnly = true)
  public boolean isUploaded(long agreementId, DocumentKind kind, int term) {
    return repository.hasVersion(agreementId, kind, term);
  }

  static String kindsOf(CooperationType type) {
    return java.util.Arrays.stream(DocumentKind.values()).filter(k -> k.belongsTo(type)).map(Enum::name)
        .collect(Collectors.joining(", "));
  }

  /** PDF, JPEG or PNG by their signatures; {@code null} for anything else. */
  static String detectType(byte[] c) {
    if (startsWith(c, 0x25, 0x50, 0x44, 0x46, 0x2D)) {
      return PDF;
    }
    if (startsWith(c, 0xFF, 0xD8, 0xFF)) {
      return JPEG;
    }
    if (startsWith(c, 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A)) {
      return PNG;
    }
    return null;
  }

  private static boolean startsWith(byte[] content, int... signature) {
    if (content.length < signature.length) {
      return false;
    }
    for (int i = 0; i < signature.length; i++) {
      if ((content[i] & 0xFF) != signature[i]) {
        return false;
      }
    }
    return true;
  }

  /** The base name without path or control characters, at most 255 characters, never blank. */
  static String cleanFileName(String fileName, String contentType) {
    String name = fileName == null ? "" : fileName.replace('\\', '/');
    name = name.substring(name.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}\"]", "").trim();
    if (name.isEmpty()) {
      name = "dokumen" + switch (contentType) {
        case PDF -> ".pdf";
        case JPEG -> ".jpg";
        default -> ".png";
      };
    }
    return name.length() > 255 ? name.substring(name.length() - 255) : name;
  }

  public static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static String megabytes(long bytes) {
    if (bytes < 1024 * 1024) {
      return String.format(Locale.ROOT, "%.1f KB", bytes / 1024.0);
    }
    return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
  }
}
