package id.go.kerjasama.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * The filter around the throttle: what counts as a login, a failure and a
 * success, and that the login form reaches the application unchanged.
 */
class LoginThrottleFilterTest {

  final LoginThrottleTest.MovableClock clock = new LoginThrottleTest.MovableClock();
  final LoginThrottle throttle = new LoginThrottle(new SecuritySettings.Login(true, 10, 2, Duration.ofMinutes(15),
      Duration.ofSeconds(30), Duration.ofMinutes(15), Duration.ofDays(30), 100_000), clock);
  final LoginThrottleFilter filter = new LoginThrottleFilter(throttle);

  @Test
  void wrongBasicPasswordsCountAndThenTheAccountWaits() throws Exception {
    assertThat(basic("admin", false).getStatus()).isEqualTo(401);
    assertThat(basic("admin", false).getStatus()).isEqualTo(401);
    MockHttpServletResponse refused = basic("admin", true);
    assertThat(refused.getStatus()).isEqualTo(429);
    assertThat(refused.getHeader("Retry-After")).isEqualTo("30");
    assertThat(refused.getContentAsString())
        .contains("Terlalu banyak percobaan masuk yang gagal. Coba lagi dalam 30 detik.");
  }

  @Test
  void aPathThatChecksNoPasswordCountsForNothing() throws Exception {
    for (int i = 0; i < 5; i++) {
      MockHttpServletRequest request = new MockHttpServletRequest("GET", "/engine-rest/engine");
      request.addHeader("Authorization", authorization("admin", "salah"));
      MockHttpServletResponse response = new MockHttpServletResponse();
      filter.doFilter(request, response, (req, res) -> ((HttpServletResponse) res).setStatus(200));
    }
    assertThat(throttle.waitFor("127.0.0.1", "admin")).isEmpty();
  }

  @Test
  void theLoginFormIsReadAndPassedOnUnchanged() throws Exception {
    AtomicReference<String> seen = new AtomicReference<>();
    for (int i = 0; i < 2; i++) {
      MockHttpServletResponse response = new MockHttpServletResponse();
      filter.doFilter(login("budi", "salah"), response, (req, res) -> {
        seen.set(req.getParameter("username") + "/" + req.getParameter("password") + "/"
            + new String(req.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        ((HttpServletResponse) res).setStatus(401);
      });
      assertThat(response.getStatus()).isEqualTo(401);
    }
    assertThat(seen.get()).isEqualTo("budi/salah/username=budi&password=salah");
    MockHttpServletResponse refused = new MockHttpServletResponse();
    filter.doFilter(login("budi", "benar"), refused, (req, res) -> ((HttpServletResponse) res).setStatus(200));
    assertThat(refused.getStatus()).isEqualTo(429);
    // another engine's or app's login is the same login
    assertThat(LoginThrottleFilter.isWebappLogin(login("budi", "x"))).isTrue();
    MockHttpServletRequest other = new MockHttpServletRequest("POST", "/camunda/api/admin/auth/user/default/logout");
    assertThat(LoginThrottleFilter.isWebappLogin(other)).isFalse();
  }

  @Test
  void aSuccessfulLoginResetsTheAccountAndMakesTheAddressUsual() throws Exception {
    basic("admin", false);
    basic("admin", true);
    basic("admin", false);
    assertThat(throttle.waitFor("127.0.0.1", "admin")).isEmpty();
    throttle.failed("203.0.113.1", "admin");
    throttle.failed("203.0.113.1", "admin");
    assertThat(throttle.waitFor("203.0.113.1", "admin")).isPresent();
    assertThat(throttle.waitFor("127.0.0.1", "admin")).isEmpty();
  }

  @Test
  void requestsWithoutCredentialsPass() throws Exception {
    for (int i = 0; i < 3; i++) {
      basic("admin", false);
    }
    MockHttpServletRequest anonymous = new MockHttpServletRequest("GET", "/api/agreements");
    MockHttpServletResponse response = new MockHttpServletResponse();
    filter.doFilter(anonymous, response, (req, res) -> ((HttpServletResponse) res).setStatus(401));
    assertThat(response.getStatus()).isEqualTo(401);
  }

  /** A Basic request as the authentication provider would answer it. */
  private MockHttpServletResponse basic(String user, boolean rightPassword) throws Exception {
    MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/agreements");
    request.addHeader("Authorization", authorization(user, rightPassword ? "benar" : "salah"));
    MockHttpServletResponse response = new MockHttpServletResponse();
    filter.doFilter(request, response, (req, res) -> {
      req.setAttribute(LoginOutcomeRecordingProvider.PASSWORD_CHECKED, rightPassword);
      ((HttpServletResponse) res).setStatus(rightPassword ? 200 : 401);
    });
    return response;
  }

  private static MockHttpServletRequest login(String user, String password) {
    MockHttpServletRequest request = new MockHttpServletRequest("POST",
        "/camunda/api/admin/auth/user/default/login/tasklist");
    request.setContentType("application/x-www-form-urlencoded");
    request.setCharacterEncoding("UTF-8");
    request.setContent(("username=" + user + "&password=" + password).getBytes(StandardCharsets.UTF_8));
    return request;
  }

  private static String authorization(String user, String password) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }
}
