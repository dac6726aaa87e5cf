package id.go.kerjasama.platform.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Pattern;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Response headers of every request (docs/security.md "Security headers"):
 * <ul>
 *   <li>everywhere, webapps included: {@code Referrer-Policy: same-origin},
 *   and {@code Strict-Transport-Security} on secure requests when
 *   {@code kerjasama.security.hsts.enabled} (the one HSTS switch: Camunda's
 *   own webapp HSTS stays off);</li>
 *   <li>on {@code /api}: what the webapps send (no MIME sniffing, no framing),
 *   a Content-Security-Policy for JSON that allows nothing, and
 *   {@code Cache-Control: no-store}. The HTML upload page sets a policy of its
 *   own that allows exactly its inline script and style.</li>
 * </ul>
 * Set before the request is handled, so refusals (401, 403, 429) carry them too.
 */
final class SecurityHeaders extends OncePerRequestFilter {

  static final String API_CONTENT_SECURITY_POLICY =
      "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
  /**
   * HTML pages under /api that set their own policy: the upload page of the signing forms, the e-mail
   * preferences page (platform/notification/PreferencesPage) and the import page (legacyimport/ImportPage).
   */
  static final Pattern OWN_POLICY_PAGES = Pattern.compile(
      "^/api/agreements/[^/]+/documents/upload/?$|^/api/me/notifications/page/?$|^/api/admin/imports/page/?$");

  private final SecuritySettings.Hsts hsts;

  SecurityHeaders(SecuritySettings.Hsts hsts) {
    this.hsts = hsts;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    response.setHeader("Referrer-Policy", "same-origin");
    if (hsts.enabled() && request.isSecure()) {
      response.setHeader("Strict-Transport-Security", hstsValue());
    }
    String path = request.getRequestURI().substring(request.getContextPath().length());
    if (path.equals("/api") || path.startsWith("/api/")) {
      response.setHeader("X-Content-Type-Options", "nosniff");
      response.setHeader("X-Frame-Options", "DENY");
      response.setHeader("Cache-Control", "no-store");
      response.setHeader("Pragma", "no-cache");
      if (!OWN_POLICY_PAGES.matcher(path).matches()) {
        response.setHeader("Content-Security-Policy", API_CONTENT_SECURITY_POLICY);
      }
    }
    chain.doFilter(request, response);
  }

  String hstsValue() {
    return "max-age=" + hsts.maxAge().toSeconds() + (hsts.includeSubDomains() ? "; includeSubDomains" : "");
  }

  @Override
  protected boolean shouldNotFilterErrorDispatch() {
    return false;
  }
}
