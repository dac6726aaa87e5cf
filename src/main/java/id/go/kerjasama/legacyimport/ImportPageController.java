package id.go.kerjasama.legacyimport;

import id.go.kerjasama.platform.forms.IndonesianFormat;
import id.go.kerjasama.platform.identity.Groups;
import id.go.kerjasama.registry.AgreementAccess;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.nio.charset.StandardCharsets;
import org.camunda.bpm.webapp.impl.security.filter.util.CsrfConstants;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/admin/imports/page}: the import page ({@link ImportPage}) for administrators, signed in to
 * the webapps (the session) or with HTTP Basic; 403 with the same page saying why for everyone else. The
 * page's calls go to {@link LegacyImportController}, which checks again.
 */
@RestController
class ImportPageController {

  private static final MediaType HTML = new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8);

  private final AgreementAccess access;
  private final String maxSize;

  ImportPageController(AgreementAccess access,
                       @Value("${kerjasama.legacy-import.max-size:64MB}") DataSize maxFileSize) {
    this.access = access;
    this.maxSize = IndonesianFormat.size(maxFileSize);
  }

  @GetMapping("/api/admin/imports/page")
  public ResponseEntity<String> page(HttpServletRequest request) {
    String userId = access.currentUserId();
    if (!access.currentGroups().contains(Groups.ADMIN)) {
      return ResponseEntity.status(HttpStatus.FORBIDDEN).contentType(HTML)
          .header("Content-Security-Policy", ImportPage.CONTENT_SECURITY_POLICY)
          .body(ImportPage.refused(userId));
    }
    return ResponseEntity.ok().contentType(HTML)
        .header("Content-Security-Policy", ImportPage.CONTENT_SECURITY_POLICY)
        .body(ImportPage.render(userId, maxSize, sessionCsrfToken(request)));
  }

  /** The webapps' CSRF token of this browser's session (Camunda's), or null without a session (HTTP Basic). */
  private static String sessionCsrfToken(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    Object token = session == null ? null : session.getAttribute(CsrfConstants.CSRF_TOKEN_SESSION_ATTR_NAME);
    return token == null ? null : token.toString();
  }

}
