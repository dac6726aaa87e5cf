package id.go.kerjasama.documents;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import id.go.kerjasama.registry.Agreement;
import id.go.kerjasama.registry.DocumentKind;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The small HTML page behind the "unggah dokumen" link of the signing forms:
 * Camunda Forms in Tasklist have no file picker. It posts the file to
 * {@code POST /api/agreements/{id}/documents} (same origin, same login as the
 * rest of /api: the Tasklist session with its CSRF token, or HTTP Basic) and
 * lists the versions already stored. The page is the Mustache template
 * {@code templates/documents/upload-page.html} (with its style sheet and
 * script beside it), rendered with JMustache, which escapes every value.
 */
final class UploadPage {

  /** The page's only style sheet, inline; allowed by its hash in {@link #CONTENT_SECURITY_POLICY}. */
  static final String STYLE = resource("upload-page.css");

  /** The page's only script, inline and the same on every page (the agreement's address is in data-base). */
  static final String SCRIPT = resource("upload-page.js");

  /** The page: a Mustache template, every {@code {{value}}} HTML-escaped (only style and script are raw). */
  private static final Template PAGE = Mustache.compiler().compile(resource("upload-page.html"));

  /**
   * The page's Content-Security-Policy: nothing but its own inline script
   * and style (by hash) and requests to this origin; no framing.
   */
  static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src '" + sha256(SCRIPT) + "'; style-src '"
      + sha256(STYLE) + "'; connect-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'; "
      + "frame-ancestors 'none'";

  private UploadPage() {
  }

  private static String sha256(String text) {
    try {
      return "sha256-" + Base64.getEncoder().encodeToString(
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The page; {@code csrfToken} is the webapps' session token (null for HTTP
   * Basic), sent back as {@code X-XSRF-TOKEN} with the upload.
   */
  static String render(Agreement agreement, DocumentKind selected, String maxSize, String csrfToken) {
    List<Map<String, Object>> kinds = Arrays.stream(DocumentKind.values())
        .filter(k -> k.belongsTo(agreement.type()))
        .map(k -> Map.<String, Object>of("name", k.name(), "label", k.label(), "selected", k == selected))
        .toList();
    Map<String, Object> values = new HashMap<>();
    values.put("registrationNumber", agreement.registrationNumber());
    values.put("title", agreement.title());
    values.put("maxSize", maxSize);
    values.put("base", "/api/agreements/" + agreement.id() + "/documents");
    values.put("csrfToken", csrfToken == null ? "" : csrfToken);
    values.put("kinds", kinds);
    values.put("style", STYLE);
    values.put("script", SCRIPT);
    return PAGE.execute(values);
  }

  private static String resource(String name) {
    try (InputStream in = UploadPage.class.getResourceAsStream("/templates/documents/" + name)) {
      if (in == null) {
        throw new IllegalStateException("missing template resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
