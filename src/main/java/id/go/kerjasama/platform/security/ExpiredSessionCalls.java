package id.go.kerjasama.platform.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A webapp's state-changing call whose session is gone (docs/security.md "Sign-out and expired
 * sessions"): the officer pressed "Selesaikan" after the session expired. Camunda's CSRF filter would
 * make a new session and answer 403 (the new session has no token), which Tasklist shows as a failed
 * submission and nothing else. Answered here instead, before Camunda's filters: 401 with an Indonesian
 * message, no session made. On a 401 Tasklist does what it does for an expired session on a read: it
 * keeps the open form's values in the browser and shows its login route, which {@code
 * app/kerjasama-session.js} turns into {@code /masuk?aplikasi=…} with the place the officer was at.
 *
 * <p>Only requests that name a session the server no longer has (a cookie, but no such session) and that
 * carry no {@code Authorization} header; not the sign-in itself ({@code …/login/<app>}), which keeps
 * Camunda's answer. Nothing is allowed that was refused before: the call is refused either way.
 */
final class ExpiredSessionCalls extends OncePerRequestFilter {

  static final String MESSAGE = "Sesi Anda telah berakhir. Silakan masuk kembali; isian yang sudah diketik "
      + "disimpan di peramban ini.";
  private static final Set<String> STATE_CHANGING = Set.of("POST", "PUT", "PATCH", "DELETE");
  private static final Pattern LOGIN = Pattern.compile(".*/api/admin/auth/user/[^/]+/login/[^/]+/?");

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (STATE_CHANGING.contains(request.getMethod().toUpperCase(Locale.ROOT))
        && request.getRequestedSessionId() != null && !request.isRequestedSessionIdValid()
        && request.getHeader("Authorization") == null
        && !LOGIN.matcher(request.getRequestURI()).matches()) {
      JsonAnswer.send(response, HttpServletResponse.SC_UNAUTHORIZED, MESSAGE);
      return;
    }
    chain.doFilter(request, response);
  }
}
