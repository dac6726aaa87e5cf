package id.go.kerjasama.platform.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Cross-site request forgery on {@code /api} calls that ride on the webapps'
 * session (the browser sends the session cookie to any request, also one a
 * page on another site makes): a state-changing call (POST, PUT, PATCH,
 * DELETE) authenticated by the session must carry the webapps' CSRF token in
 * the {@code X-XSRF-TOKEN} header, as Camunda's own {@code /camunda/api} does;
 * another site cannot read it. Without it: 403. Calls with HTTP Basic
 * credentials (machines) are not concerned; {@link BrowserRequestGuard}
 * checks their origin.
 */
final class SessionCsrfGuard extends OncePerRequestFilter {

  private static final Logger LOG = LoggerFactory.getLogger(SessionCsrfGuard.class);
  private static final Set<String> STATE_CHANGING = Set.of("POST", "PUT", "PATCH", "DELETE");

  private final String engineName;

  SessionCsrfGuard(String engineName) {
    this.engineName = engineName;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (STATE_CHANGING.contains(request.getMethod().toUpperCase(Locale.ROOT))
        && WebappSession.userOf(request, engineName) != null && !tokenMatches(request)) {
      LOG.warn("Refused a session {} {} from {} without the CSRF token", request.getMethod(), request.getRequestURI(),
          request.getRemoteAddr());
      JsonAnswer.send(response, HttpServletResponse.SC_FORBIDDEN,
          "Permintaan ditolak: token keamanan sesi (X-XSRF-TOKEN) tidak ada atau salah. Muat ulang halaman "
              + "Tasklist lalu ulangi.");
      return;
    }
    chain.doFilter(request, response);
  }

  private static boolean tokenMatches(HttpServletRequest request) {
    String expected = WebappSession.csrfToken(request);
    String sent = WebappSession.csrfHeader(request);
    return expected != null && sent != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
        sent.getBytes(StandardCharsets.UTF_8));
  }
}
