package id.go.kerjasama.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** The headers filter on its own: HSTS only when switched on and only on secure requests; /api's protections. */
class SecurityHeadersTest {

  @Test
  void hstsIsSentOnSecureRequestsEverywhereWhenSwitchedOn() throws Exception {
    SecurityHeaders on = new SecurityHeaders(new SecuritySettings.Hsts(true, Duration.ofDays(180), false));
    MockHttpServletResponse webapp = run(on, secure("/camunda/app/tasklist/"));
    assertThat(webapp.getHeader("Strict-Transport-Security")).isEqualTo("max-age=15552000");
    assertThat(webapp.getHeader("Referrer-Policy")).isEqualTo("same-origin");
    assertThat(run(on, secure("/api/agreements")).getHeader("Strict-Transport-Security")).isEqualTo("max-age=15552000");
    // plain HTTP: a browser ignores HSTS there, and it would pin a host that has no TLS
    assertThat(run(on, new MockHttpServletRequest("GET", "/api/agreements")).getHeader("Strict-Transport-Security"))
        .isNull();
    SecurityHeaders subDomains = new SecurityHeaders(new SecuritySettings.Hsts(true, Duration.ofDays(365), true));
    assertThat(run(subDomains, secure("/")).getHeader("Strict-Transport-Security"))
        .isEqualTo("max-age=31536000; includeSubDomains");
  }

  @Test
  void noHstsWhenSwitchedOff() throws Exception {
    SecurityHeaders off = new SecurityHeaders(new SecuritySettings.Hsts(false, Duration.ofDays(365), false));
    MockHttpServletResponse response = run(off, secure("/camunda/app/cockpit/"));
    assertThat(response.getHeader("Strict-Transport-Security")).isNull();
    assertThat(response.getHeader("Referrer-Policy")).isEqualTo("same-origin");
  }

  @Test
  void theApiGetsTheWebappsProtectionsAndAPolicyForJson() throws Exception {
    SecurityHeaders filter = new SecurityHeaders(new SecuritySettings.Hsts(false, Duration.ofDays(365), false));
    MockHttpServletResponse api = run(filter, new MockHttpServletRequest("GET", "/api/agreements/7"));
    assertThat(api.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(api.getHeader("X-Frame-Options")).isEqualTo("DENY");
    assertThat(api.getHeader("Cache-Control")).isEqualTo("no-store");
    assertThat(api.getHeader("Content-Security-Policy")).isEqualTo(SecurityHeaders.API_CONTENT_SECURITY_POLICY)
        .contains("default-src 'none'").contains("frame-ancestors 'none'");
    // the upload page sets its own policy (DocumentController); two policies would both apply
    MockHttpServletResponse page = run(filter,
        new MockHttpServletRequest("GET", "/api/agreements/7/documents/upload"));
    assertThat(page.getHeader("Content-Security-Policy")).isNull();
    assertThat(page.getHeader("X-Frame-Options")).isEqualTo("DENY");
    // so does the e-mail preferences page (NotificationPreferenceController); its JSON keeps the API's
    assertThat(run(filter, new MockHttpServletRequest("GET", "/api/me/notifications/page"))
        .getHeader("Content-Security-Policy")).isNull();
    assertThat(run(filter, new MockHttpServletRequest("GET", "/api/me/notifications"))
        .getHeader("Content-Security-Policy")).isEqualTo(SecurityHeaders.API_CONTENT_SECURITY_POLICY);
    // and the import page (legacyimport/ImportPageController); the import's JSON keeps the API's
    assertThat(run(filter, new MockHttpServletRequest("GET", "/api/admin/imports/page"))
        .getHeader("Content-Security-Policy")).isNull();
    assertThat(run(filter, new MockHttpServletRequest("GET", "/api/admin/imports/7"))
        .getHeader("Content-Security-Policy")).isEqualTo(SecurityHeaders.API_CONTENT_SECURITY_POLICY);
    // outside /api only the referrer policy
    MockHttpServletResponse webapp = run(filter, new MockHttpServletRequest("GET", "/camunda/app/tasklist/"));
    assertThat(webapp.getHeader("Cache-Control")).isNull();
    assertThat(webapp.getHeader("Content-Security-Policy")).isNull();
  }

  private static MockHttpServletRequest secure(String path) {
    MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
    request.setSecure(true);
    request.setScheme("https");
    request.setServerPort(443);
    return request;
  }

  private static MockHttpServletResponse run(SecurityHeaders filter, MockHttpServletRequest request)
      throws Exception {
    MockHttpServletResponse response = new MockHttpServletResponse();
    filter.doFilter(request, response, new MockFilterChain());
    return response;
  }
}
