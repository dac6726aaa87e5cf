package id.go.kerjasama.platform.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.filter.util.CsrfConstants;

/**
 * The Tasklist/Cockpit/Admin login as {@code /api} sees it: the webapps keep
 * the signed-in user in the HTTP session (Camunda's {@link Authentications})
 * and a CSRF token beside it ({@code CAMUNDA_CSRF_TOKEN}, sent to the webapps'
 * scripts as the {@code XSRF-TOKEN} cookie and expected back in the
 * {@code X-XSRF-TOKEN} header). Only requests without HTTP Basic credentials
 * are read from the session: a machine's explicit credentials always win.
 */
final class WebappSession {

  private WebappSession() {
  }

  static boolean isApi(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return path.equals("/api") || path.startsWith("/api/");
  }

  /** The user signed in to the webapps for {@code engineName}, or null. */
  static String userOf(HttpServletRequest request, String engineName) {
    if (BasicCredentials.userOf(request) != null || request.getHeader("Authorization") != null) {
      return null;
    }
    HttpSession session = request.getSession(false);
    if (session == null) {
      return null;
    }
    Object stored = session.getAttribute("authenticatedUser");
    if (!(stored instanceof Authentications authentications)) {
      return null;
    }
    Authentication authentication = authentications.getAuthenticationForProcessEngine(engineName);
    return authentication == null ? null : authentication.getIdentityId();
  }

  /** The CSRF token of the webapps' session, or null. */
  static String csrfToken(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    Object token = session == null ? null : session.getAttribute(CsrfConstants.CSRF_TOKEN_SESSION_ATTR_NAME);
    return token == null ? null : token.toString();
  }

  static String csrfHeader(HttpServletRequest request) {
    return request.getHeader(CsrfConstants.CSRF_TOKEN_HEADER_NAME);
  }
}
