package id.go.kerjasama.platform.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The web edge's servlet filters (docs/security.md), in the order a request
 * meets them: security headers, the request size limit, control characters, login throttling, the
 * cross-site guard, the CSRF token check of session calls to {@code /api}, the webapps' calls with a
 * session that is gone ({@link ExpiredSessionCalls}), then
 * {@link RestAuthentication} (order 10), the password policy check and the
 * metrics group check.
 */
@Configuration
class WebEdgeFilters {

  static final int HEADERS_ORDER = -200;
  static final int SIZE_LIMIT_ORDER = -150;
  static final int CONTROL_CHARACTERS_ORDER = -140;
  static final int THROTTLE_ORDER = -100;
  static final int BROWSER_GUARD_ORDER = -90;
  static final int SESSION_CSRF_ORDER = -80;
  static final int EXPIRED_SESSION_ORDER = -75;
  static final int PASSWORD_POLICY_ORDER = RestAuthentication.ORDER + 5;
  static final int METRICS_ORDER = RestAuthentication.ORDER + 10;

  @Bean
  LoginThrottle loginThrottle(SecuritySettings settings) {
    return new LoginThrottle(settings.login(), Clock.systemUTC());
  }

  @Bean
  FilterRegistrationBean<SecurityHeaders> securityHeadersFilter(SecuritySettings settings) {
    return registration(new SecurityHeaders(settings.hsts()), "kerjasama-security-headers", HEADERS_ORDER, "/*");
  }

  @Bean
  FilterRegistrationBean<RequestSizeLimit> requestSizeLimit(SecuritySettings settings) {
    return registration(new RequestSizeLimit(settings.requestSize().maxBody().toBytes(),
        settings.requestSize().maxUpload().toBytes(), settings.requestSize().maxImportUpload().toBytes()),
        "kerjasama-request-size-limit", SIZE_LIMIT_ORDER, "/*");
  }

  @Bean
  FilterRegistrationBean<ControlCharacterGuard> controlCharacterGuard(SecuritySettings settings) {
    return registration(new ControlCharacterGuard((int) Math.min(Integer.MAX_VALUE - 1,
            settings.requestSize().maxBody().toBytes())), "kerjasama-control-characters", CONTROL_CHARACTERS_ORDER,
        "/api/*", "/engine-rest/*", "/camunda/api/*");
  }

  @Bean
  FilterRegistrationBean<LoginThrottleFilter> loginThrottleFilter(LoginThrottle throttle) {
    String[] paths = java.util.stream.Stream.concat(java.util.Arrays.stream(RestAuthentication.PASSWORD_PATHS),
        java.util.stream.Stream.of("/camunda/api/admin/auth/user/*")).toArray(String[]::new);
    return registration(new LoginThrottleFilter(throttle), "kerjasama-login-throttle", THROTTLE_ORDER, paths);
  }

  @Bean
  FilterRegistrationBean<BrowserRequestGuard> browserRequestGuard(SecuritySettings settings) {
    return registration(new BrowserRequestGuard(settings.allowedOrigins()), "kerjasama-browser-request-guard",
        BROWSER_GUARD_ORDER, "/api/*", "/engine-rest/*");
  }

  @Bean
  FilterRegistrationBean<SessionCsrfGuard> sessionCsrfGuard() {
    return registration(new SessionCsrfGuard("default"), "kerjasama-session-csrf-guard", SESSION_CSRF_ORDER,
        "/api/*");
  }

  @Bean
  FilterRegistrationBean<ExpiredSessionCalls> expiredSessionCalls() {
    return registration(new ExpiredSessionCalls(), "kerjasama-expired-session-calls", EXPIRED_SESSION_ORDER,
        "/camunda/api/*");
  }

  @Bean
  FilterRegistrationBean<PasswordPolicyGuard> passwordPolicyGuard(IdentityService identityService, ObjectMapper json) {
    return registration(new PasswordPolicyGuard(identityService, json), "kerjasama-password-policy",
        PASSWORD_POLICY_ORDER, "/engine-rest/*", "/camunda/api/engine/*");
  }

  @Bean
  FilterRegistrationBean<MetricsAccess> metricsAccess(IdentityService identityService, SecuritySettings settings) {
    return registration(new MetricsAccess(identityService, settings.metricsGroups()), "kerjasama-metrics-access",
        METRICS_ORDER, RestAuthentication.METRICS_PATHS);
  }

  /** A filter on {@code patterns}, named and ordered. */
  private static <F extends jakarta.servlet.Filter> FilterRegistrationBean<F> registration(
      F filter, String name, int order, String... patterns) {
    FilterRegistrationBean<F> registration = new FilterRegistrationBean<>(filter);
    registration.setName(name);
    registration.addUrlPatterns(patterns);
    registration.setOrder(order);
    return registration;
  }
}
