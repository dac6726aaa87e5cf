package id.go.kerjasama.legacyimport;

import id.go.kerjasama.platform.web.InlinePage;
import java.util.HashMap;
import java.util.Map;

/**
 * The administrator's import page, {@code GET /api/admin/imports/page} (linked from the Cockpit dashboard's
 * administration card): pick a CSV file, "Impor" sends it as a background import
 * ({@code POST /api/admin/imports?background=true}, multipart, the session's CSRF token in
 * {@code X-XSRF-TOKEN}), and the page polls {@code GET /api/admin/imports/{id}} to draw the progress bar
 * (rows done of the total, pending, refused with their line and reasons from
 * {@code GET /api/admin/imports/{id}/rejected}) until it is done. The recent imports are listed from
 * {@code GET /api/admin/imports}, so a reload finds a running import again. For others the same page
 * says, with 403, that it is for administrators. The Mustache template
 * {@code templates/legacyimport/import-page.html}, rendered with JMustache (every value escaped), with its
 * inline style and script allowed by hash.
 */
final class ImportPage {

  private static final InlinePage PAGE = new InlinePage("legacyimport", "import-page");

  /** Nothing but its own inline script and style and requests to this origin; no framing. */
  static final String CONTENT_SECURITY_POLICY = PAGE.contentSecurityPolicy();

  private ImportPage() {
  }

  /** The page for an administrator; {@code csrfToken} is the webapps' session token (null for HTTP Basic). */
  static String render(String userId, String maxSize, String csrfToken) {
    Map<String, Object> values = new HashMap<>();
    values.put("allowed", true);
    values.put("userId", userId);
    values.put("maxSize", maxSize);
    values.put("csrfToken", csrfToken == null ? "" : csrfToken);
    return PAGE.render(values);
  }

  /** The same page for a user who may not import: why, and where to go instead. */
  static String refused(String userId) {
    Map<String, Object> values = new HashMap<>();
    values.put("allowed", false);
    values.put("userId", userId == null ? "" : userId);
    values.put("maxSize", "");
    values.put("csrfToken", "");
    return PAGE.render(values);
  }
}
