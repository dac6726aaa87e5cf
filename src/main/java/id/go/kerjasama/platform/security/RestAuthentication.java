package id.go.kerjasama.platform.security;

import jakarta.servlet.Filter;
import java.time.Duration;
import java.util.stream.Stream;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * HTTP Basic authentication against the Camunda identity service for the
 * engine's REST API ({@code /engine-rest}), the application's own API
 * ({@code /api}) and the metrics ({@code /actuator/prometheus},
 * {@code /actuator/metrics}; {@code /actuator/health} stays open). An
 * authenticated request runs as that user, so every engine authorization
 * applies: 401 without credentials, 403 without rights. Each password check
 * is reported to the login throttle ({@link LoginOutcomeRecordingProvider},
 * {@link LoginThrottleFilter}); the metrics also need a group of
 * {@code kerjasama.security.metrics-groups} ({@link MetricsAccess}). A
 * verified password is remembered for
 * {@code kerjasama.security.login.verified-credentials-ttl} (default 30 s,
 * {@code 0s}: off) by a keyed hash, never in plain ({@link VerifiedCredentials}).
 */
@Configuration
public class RestAuthentication {

  static final int ORDER = 10;
  static final String[] METRICS_PATHS = {"/actuator/prometheus/*", "/actuator/metrics/*"};
  /** Every URL pattern where a password is checked with HTTP Basic. */
  static final String[] PASSWORD_PATHS = Stream.concat(Stream.of("/engine-rest/*", "/api/*"),
      Stream.of(METRICS_PATHS)).toArray(String[]::new);

  @Bean
  public FilterRegistrationBean<Filter> restAuthenticationFilter(
      @Value("${kerjasama.security.login.verified-credentials-ttl:30s}") Duration verifiedCredentialsTtl) {
    VerifiedCredentials.configure(verifiedCredentialsTtl);
    FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
    registration.setName("kerjasama-rest-authentication");
    registration.addUrlPatterns(PASSWORD_PATHS);
    registration.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
        LoginOutcomeRecordingProvider.class.getName());
    registration.setOrder(ORDER);
    return registration;
  }
}
