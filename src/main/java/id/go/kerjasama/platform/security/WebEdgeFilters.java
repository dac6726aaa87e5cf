package id.go.kerjasama.platform.security;

import java.time.Clock;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The web edge's servlet filters (docs/security.md), in the order a request
 * meets them: security headers, login throttling, the cross-site guard, then
 * {@link RestAuthentication} (order 10), the password policy check and the
 * metrics group check.
 */
@Configuration
class WebEdgeFilters {

  static final int HEADERS_ORDER = -200;
  static final int THROTTLE_ORDER = -100;
  static final int BROWSER_GUARD_ORDER = -90;
  static final int PASSWORD_POLICY_ORDER = RestAuthentication.ORDER + 5;
  static final int METRICS_ORDER = RestAuthentication.ORDER + 10;

  @Bean
  LoginThrottle loginThrottle(SecuritySettings settings) {
    return new LoginThrottle(settings.login(), Clock.systemUTC());
  }

  @Bean
  FilterRegistrationBean<SecurityHeaders> securityHeadersFilter(SecuritySettings settings) {
    FilterRegistrationBean<SecurityHeaders> registration = new FilterRegistrationBean<>(
        new SecurityHeaders(settings.hsts()));
    registration.setName("kerjasama-security-headers");
    registration.addUrlPatterns("/*");
    registration.setOrder(HEADERS_ORDER);
    return registration;
  }

  @Bean
  FilterRegistrationBean<LoginThrottleFilter> loginThrottleFilter(LoginThrottle throttle) {
    FilterRegistrationBean<LoginThrottleFilter> registration = new FilterRegistrationBean<>(
        new LoginThrottleFilter(throttle));
    registration.setName("kerjasama-login-throttle");
    registration.addUrlPatterns(RestAuthentication.PASSWORD_PATHS);
    registration.addUrlPatterns("/camunda/api/admin/auth/user/*");
    registration.setOrder(THROTTLE_ORDER);
    return registration;
  }

  @Bean
  FilterRegistrationBean<BrowserRequestGuard> browserRequestGuard(SecuritySettings settings) {
    FilterRegistrationBean<BrowserRequestGuard> registration = new FilterRegistrationBean<>(
        new BrowserRequestGuard(settings.allowedOrigins()));
    registration.setName("kerjasama-browser-request-guard");
    registration.addUrlPatterns("/api/*", "/engine-rest/*");
    registration.setOrder(BROWSER_GUARD_ORDER);
    return registration;
  }

  @Bean
  FilterRegistrationBean<PasswordPolicyGuard> passwordPolicyGuard(IdentityService identityService) {
    FilterRegistrationBean<PasswordPolicyGuard> registration = new FilterRegistrationBean<>(
        new PasswordPolicyGuard(identityService));
    registration.setName("kerjasama-password-policy");
    registration.addUrlPatterns("/engine-rest/*");
    registration.setOrder(PASSWORD_POLICY_ORDER);
    return registration;
  }

  @Bean
  FilterRegistrationBean<MetricsAccess> metricsAccess(IdentityService identityService, SecuritySettings settings) {
    FilterRegistrationBean<MetricsAccess> registration = new FilterRegistrationBean<>(
        new MetricsAccess(identityService, settings.metricsGroups()));
    registration.setName("kerjasama-metrics-access");
    registration.addUrlPatterns(RestAuthentication.METRICS_PATHS);
    registration.setOrder(METRICS_ORDER);
    return registration;
  }
}
