package id.go.kerjasama.platform.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Puts {@link LoginThrottle} in front of every place a password is checked:
 * HTTP Basic on {@code /engine-rest}, {@code /api} and the metrics, and the
 * webapps' login form ({@code POST /camunda/api/admin/auth/user/{engine}/login/{app}}).
 * A request with credentials from an address or for an account that must
 * wait gets 429 with {@code Retry-After}, and its password is not checked.
 * A failure is a password that was checked and was wrong (401); a success
 * one that was right. A user name with a control character (NUL and the
 * like) is a failed login, 401, before anything looks it up — throttle on
 * or off.
 */
final class LoginThrottleFilter extends OncePerRequestFilter {

  private static final Logger LOG = LoggerFactory.getLogger(LoginThrottleFilter.class);
  /** The webapps' login (Cockpit, Tasklist, Admin, Welcome), relative to the context path. */
  static final Pattern WEBAPP_LOGIN = Pattern.compile("^/camunda/api/admin/auth/user/[^/]+/login/[^/]+/?$");
  /** A login form is a user name and a password: anything longer is not one. */
  static final int MAX_LOGIN_FORM_BYTES = 16 * 1024;

  private final LoginThrottle throttle;

  LoginThrottleFilter(LoginThrottle throttle) {
    this.throttle = throttle;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    HttpServletRequest current = request;
    String account;
    boolean webappLogin = isWebappLogin(request);
    if (webappLogin) {
      CachedBodyRequest cached;
      try {
        cached = CachedBodyRequest.of(request, MAX_LOGIN_FORM_BYTES);
      } catch (IOException e) {
        JsonAnswer.send(response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE,
            "Permintaan masuk terlalu besar.");
        return;
      }
      current = cached;
      account = cached.formField("username");
      if (account == null) {
        // the body was read before this filter (nothing does that today): the container parsed the form
        account = request.getParameter("username");
      }
    } else {
      account = BasicCredentials.userOf(request);
    }
    if (account != null && ControlCharacterGuard.hasControlCharacter(account)) {
      // no account is named so (PostgreSQL cannot even compare a NUL and answered 500): a failed login
      JsonAnswer.send(response, HttpServletResponse.SC_UNAUTHORIZED,
          "Nama pengguna tidak boleh mengandung karakter kendali (misalnya NUL). Periksa nama pengguna Anda.");
      return;
    }
    if (account == null || !throttle.enabled()) {
      // no credentials: nothing is checked, nothing to throttle (the API answers 401)
      chain.doFilter(current, response);
      return;
    }
    String address = request.getRemoteAddr();
    Optional<Duration> wait = throttle.waitFor(address, account);
    if (wait.isPresent()) {
      long seconds = Math.max(1, (wait.get().toMillis() + 999) / 1000);
      LOG.info("Login for '{}' from {} refused for {} s: too many failed logins", loggable(account), address, seconds);
      response.setHeader("Retry-After", Long.toString(seconds));
      JsonAnswer.send(response, 429,
          "Terlalu banyak percobaan masuk yang gagal. Coba lagi dalam " + inWords(seconds) + ".");
      return;
    }
    chain.doFilter(current, response);

    Boolean passwordRight = webappLogin ? webappOutcome(response.getStatus())
        : (Boolean) request.getAttribute(LoginOutcomeRecordingProvider.PASSWORD_CHECKED);
    if (Boolean.TRUE.equals(passwordRight)) {
      throttle.succeeded(address, account);
    } else if (Boolean.FALSE.equals(passwordRight)) {
      LOG.info("Failed login for '{}' from {}", loggable(account), address);
      throttle.failed(address, account);
    }
  }

  static boolean isWebappLogin(HttpServletRequest request) {
    if (!"POST".equalsIgnoreCase(request.getMethod())) {
      return false;
    }
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return WEBAPP_LOGIN.matcher(path).matches();
  }

  /** The webapps' login answers 200 for a right password, 401 for a wrong one (403: right, but no app). */
  private static Boolean webappOutcome(int status) {
    if (status == HttpServletResponse.SC_UNAUTHORIZED) {
      return false;
    }
    return status == HttpServletResponse.SC_OK || status == HttpServletResponse.SC_FORBIDDEN ? Boolean.TRUE : null;
  }

  /** A user name as sent by anyone: no line breaks or other control characters into the log, not too long. */
  static String loggable(String account) {
    String clean = account.replaceAll("\\p{Cntrl}", "?");
    return clean.length() > 64 ? clean.substring(0, 64) + "…" : clean;
  }

  /** "30 detik", "2 menit", "15 menit". */
  static String inWords(long seconds) {
    if (seconds < 120) {
      return seconds + " detik";
    }
    return ((seconds + 59) / 60) + " menit";
  }
}
