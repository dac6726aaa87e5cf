package id.go.kerjasama.documents;

import id.go.kerjasama.platform.web.InlinePage;
import id.go.kerjasama.registry.Agreement;
import id.go.kerjasama.registry.DocumentKind;
import java.util.Arrays;
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

  private static final InlinePage PAGE = new InlinePage("documents", "upload-page");

  /** Nothing but its own inline script and style and requests to this origin; no framing. */
  static final String CONTENT_SECURITY_POLICY = PAGE.contentSecurityPolicy();

  private UploadPage() {
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
    return PAGE.render(values);
  }
}
