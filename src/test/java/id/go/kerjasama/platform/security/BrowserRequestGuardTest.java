package id.go.kerjasama.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** The cross-site guard's decisions, request by request. */
class BrowserRequestGuardTest {

  final BrowserRequestGuard guard = new BrowserRequestGuard(List.of("https://portal.kerjasama.example"));

  @Test
  void aChangeFromAnotherOriginIsRefused() throws Exception {
    MockHttpServletResponse response = run(post("/api/agreements/1/documents", "https://evil.example", null));
    assertThat(response.getStatus()).isEqualTo(403);
    assertThat(response.getContentAsString()).contains("Permintaan dari situs lain ditolak");
    assertThat(run(post("/engine-rest/deployment/create", "null", null)).getStatus()).isEqualTo(403);
    // the same host on another port or scheme is another origin
    assertThat(run(post("/api/x", "https://app.kerjasama.example:8443", null)).getStatus()).isEqualTo(403);
    assertThat(run(post("/api/x", "http://app.kerjasama.example", null)).getStatus()).isEqualTo(403);
  }

  @Test
  void theBrowsersOwnWordCountsToo() throws Exception {
    assertThat(run(post("/api/x", null, "cross-site")).getStatus()).isEqualTo(403);
    assertThat(run(post("/api/x", null, "same-site")).getStatus()).isEqualTo(403);
    assertThat(run(post("/api/x", "https://app.kerjasama.example", "same-origin")).getStatus()).isEqualTo(200);
    assertThat(run(post("/api/x", null, "none")).getStatus()).isEqualTo(200);
  }

  @Test
  void ownOriginAllowedOriginsReadsAndClientsWithoutOriginPass() throws Exception {
    assertThat(run(post("/api/x", "https://app.kerjasama.example", null)).getStatus()).isEqualTo(200);
    assertThat(run(post("/api/x", "https://APP.kerjasama.example:443", null)).getStatus()).isEqualTo(200);
    assertThat(run(post("/api/x", "https://portal.kerjasama.example", "cross-site")).getStatus()).isEqualTo(200);
    assertThat(run(post("/api/x", null, null)).getStatus()).isEqualTo(200);
    MockHttpServletRequest read = post("/api/x", "https://evil.example", "cross-site");
    read.setMethod("GET");
    assertThat(run(read).getStatus()).isEqualTo(200);
  }

  @Test
  void formTypesAreRefusedOnTheApi() throws Exception {
    for (String type : new String[] {"text/plain", "text/plain;charset=UTF-8", "application/x-www-form-urlencoded"}) {
      MockHttpServletRequest request = post("/api/admin/migrations", null, null);
      request.setContentType(type);
      MockHttpServletResponse response = run(request);
      assertThat(response.getStatus()).as(type).isEqualTo(415);
      assertThat(response.getContentAsString()).contains("tidak diterima");
    }
    MockHttpServletRequest json = post("/api/admin/migrations", null, null);
    json.setContentType("application/json");
    assertThat(run(json).getStatus()).isEqualTo(200);
  }

  private static MockHttpServletRequest post(String path, String origin, String fetchSite) {
    MockHttpServletRequest request = new MockHttpServletRequest("POST", path);
    request.setScheme("https");
    request.setServerName("app.kerjasama.example");
    request.setServerPort(443);
    request.setSecure(true);
    if (origin != null) {
      request.addHeader("Origin", origin);
    }
    if (fetchSite != null) {
      request.addHeader("Sec-Fetch-Site", fetchSite);
    }
    return request;
  }

  private MockHttpServletResponse run(MockHttpServletRequest request) throws Exception {
    MockHttpServletResponse response = new MockHttpServletResponse();
    guard.doFilter(request, response, new MockFilterChain());
    return response;
  }
}
