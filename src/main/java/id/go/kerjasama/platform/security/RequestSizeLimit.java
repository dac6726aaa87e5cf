package id.go.kerjasama.platform.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Every request body has a size limit (docs/security.md "Request size"): an
 * upload ({@code multipart/*}, {@code text/csv}, {@code application/octet-stream})
 * at most {@code max-upload} ({@code max-import-upload} to the legacy import,
 * {@code POST /api/admin/imports}), any other body (JSON to {@code /api},
 * {@code /engine-rest} and the webapps' API, forms) at most {@code max-body}.
 * A larger one is answered 413 with a message in Bahasa Indonesia before
 * anything reads it: by its {@code Content-Length}, or, sent without one
 * (chunked), by reading at most the limit and one byte more. Such a body
 * is held in memory before anyone is signed in, so a chunked one is never
 * held beyond {@code max-upload}, the import's path included: a larger import
 * file must say its length (browsers, curl and the upload page do), or be sent
 * as multipart, whose parser spools to disk. Spring's multipart limits still
 * apply to {@code /api} uploads on their own.
 */
final class RequestSizeLimit extends OncePerRequestFilter {

  private static final Logger LOG = LoggerFactory.getLogger(RequestSizeLimit.class);
  private static final String IMPORT_PATH = "/api/admin/imports";

  private final long maxBody;
  private final long maxUpload;
  private final long maxImportUpload;

  RequestSizeLimit(long maxBody, long maxUpload, long maxImportUpload) {
    this.maxBody = maxBody;
    this.maxUpload = maxUpload;
    this.maxImportUpload = maxImportUpload;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    boolean upload = isUpload(request.getContentType());
    long limit = !upload ? maxBody : isImport(request) ? maxImportUpload : maxUpload;
    long length = request.getContentLengthLong();
    if (length > limit) {
      refuse(request, response, length, limit, upload);
      return;
    }
    if (length < 0 && request.getHeader("Transfer-Encoding") != null && !passesToMultipartParser(request, upload)) {
      long inMemory = upload ? Math.min(limit, maxUpload) : limit;
      CachedBodyRequest cached;
      try {
        cached = CachedBodyRequest.of(request, (int) Math.min(Integer.MAX_VALUE - 1, inMemory));
      } catch (CachedBodyRequest.TooLarge e) {
        refuse(request, response, -1, inMemory, upload);
        return;
      }
      chain.doFilter(cached, response);
      return;
    }
    chain.doFilter(request, response);
  }

  /** A chunked multipart upload to Spring MVC: its parser counts the bytes itself (spring.servlet.multipart). */
  private static boolean passesToMultipartParser(HttpServletRequest request, boolean upload) {
    String type = request.getContentType();
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return upload && type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/")
        && (path.equals("/api") || path.startsWith("/api/"));
  }

  /** The legacy import's upload: its CSV files are larger than any document (docs/operations.md "Legacy import"). */
  private static boolean isImport(HttpServletRequest request) {
    return IMPORT_PATH.equals(request.getRequestURI().substring(request.getContextPath().length()));
  }

  static boolean isUpload(String contentType) {
    if (contentType == null) {
      return false;
    }
    String type = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
    return type.startsWith("multipart/") || type.equals("text/csv") || type.equals("application/octet-stream");
  }

  private static void refuse(HttpServletRequest request, HttpServletResponse response, long length, long limit,
                             boolean upload) throws IOException {
    LOG.warn("Refused a request body of {} bytes (limit {}) on {} {} from {}", length < 0 ? "more than " + limit
        : String.valueOf(length), limit, request.getMethod(), request.getRequestURI(), request.getRemoteAddr());
    // the container still reads (swallows) the body, up to server.tomcat.max-swallow-size, so that the client
    // gets this answer instead of a reset connection
    JsonAnswer.send(response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, upload
        ? "Berkas atau isi permintaan terlalu besar; ukuran paling besar " + size(limit)
            + ". Perkecil berkasnya atau bagi menjadi beberapa berkas."
        : "Isi permintaan terlalu besar; ukuran paling besar " + size(limit) + ".");
  }

  /** {@code 21 MB}, {@code 512 KB}: the limit as a person reads it. */
  static String size(long bytes) {
    if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0) {
      return bytes / (1024 * 1024) + " MB";
    }
    if (bytes >= 1024 && bytes % 1024 == 0) {
      return bytes / 1024 + " KB";
    }
    return bytes + " byte";
  }
}
