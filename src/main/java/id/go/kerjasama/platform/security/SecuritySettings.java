package id.go.kerjasama.platform.security;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The web edge's settings ({@code kerjasama.security.*}, docs/security.md).
 *
 * @param login          login throttling
 * @param allowedOrigins origins besides the application's own that may send
 *                       state-changing requests to {@code /api} and
 *                       {@code /engine-rest} from a browser, e.g. {@code https://portal.example.go.id}
 * @param hsts           Strict-Transport-Security on secure requests (webapps included)
 * @param metricsGroups  groups whose members may read {@code /actuator/prometheus} and {@code /actuator/metrics}
 * @param requestSize    the largest request bodies ({@link RequestSizeLimit})
 */
@ConfigurationProperties(prefix = "kerjasama.security")
record SecuritySettings(
    @DefaultValue Login login,
    @DefaultValue List<String> allowedOrigins,
    @DefaultValue Hsts hsts,
    @DefaultValue({"camunda-admin", "monitoring"}) List<String> metricsGroups,
    @DefaultValue RequestSize requestSize) {

  /**
   * @param maxBody   the largest body of any request that is not an upload (JSON to {@code /api},
   *                  {@code /engine-rest} and the webapps, forms)
   * @param maxUpload the largest upload: {@code multipart/*}, {@code text/csv}, {@code application/octet-stream}
   * @param maxImportUpload the largest upload to the legacy import ({@code POST /api/admin/imports})
   */
  record RequestSize(
      @DefaultValue("1MB") org.springframework.util.unit.DataSize maxBody,
      @DefaultValue("21MB") org.springframework.util.unit.DataSize maxUpload,
      @DefaultValue("65MB") org.springframework.util.unit.DataSize maxImportUpload) {
  }

  /**
   * @param enabled            false: no application-level throttling at all
   * @param addressMaxFailures failed logins from one address before it must wait
   * @param accountMaxFailures failed logins for one account before it must wait (not at its known addresses)
   * @param window             failures are forgotten after this long without one (and without a wait running)
   * @param baseDelay          the first wait; it doubles with every further failure
   * @param maxDelay           the longest wait (the cap; never a permanent lock)
   * @param knownAddressPeriod how long an address an account signed in from counts as its usual address
   * @param maxEntries         above this many tracked addresses and accounts, stale ones are swept out
   */
  record Login(
      @DefaultValue("true") boolean enabled,
      @DefaultValue("10") int addressMaxFailures,
      @DefaultValue("5") int accountMaxFailures,
      @DefaultValue("15m") Duration window,
      @DefaultValue("30s") Duration baseDelay,
      @DefaultValue("15m") Duration maxDelay,
      @DefaultValue("30d") Duration knownAddressPeriod,
      @DefaultValue("100000") int maxEntries) {
  }

  /**
   * @param enabled           send Strict-Transport-Security on secure (HTTPS) requests
   * @param maxAge            its max-age
   * @param includeSubDomains add includeSubDomains
   */
  record Hsts(
      @DefaultValue("false") boolean enabled,
      @DefaultValue("365d") Duration maxAge,
      @DefaultValue("false") boolean includeSubDomains) {
  }
}
