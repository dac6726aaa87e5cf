package id.go.kerjasama.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** The request size limit and the control character guard, request by request. */
class EdgeInputLimitsTest {

  final RequestSizeLimit limit = new RequestSizeLimit(1024, 4096, 16384);
  final ControlCharacterGuard guard = new ControlCharacterGuard(1024);

  @Test
  void aBodyOverItsLimitIsRefusedWith413ByItsLength() throws Exception {
    MockHttpServletResponse json = run(limit, request("POST", "/engine-rest/task/1/complete", "application/json",
        new byte[2048]));
    assertThat(json.getStatus()).isEqualTo(413);
    assertThat(json.getContentAsString()).contains("Isi permintaan terlalu besar").contains("1 KB");
    // an upload has the larger limit
    assertThat(run(limit, request("POST", "/api/agreements/1/documents", "multipart/form-data; boundary=x",
        new byte[2048])).getStatus()).isEqualTo(200);
    MockHttpServletResponse upload = run(limit, request("POST", "/api/agreements/1/documents",
        "multipart/form-data; boundary=x", new byte[5000]));
    assertThat(upload.getStatus()).isEqualTo(413);
    assertThat(upload.getContentAsString()).contains("Berkas atau isi permintaan terlalu besar").contains("4 KB");
  }

  @Test
  void theLegacyImportAloneHasTheLargestUploadLimit() throws Exception {
    assertThat(run(limit, request("POST", "/api/admin/imports", "text/csv", new byte[5000])).getStatus())
        .isEqualTo(200);
    assertThat(run(limit, request("POST", "/api/admin/imports", "multipart/form-data; boundary=x",
        new byte[16384])).getStatus()).isEqualTo(200);
    MockHttpServletResponse csv = run(limit, request("POST", "/api/admin/imports", "text/csv; charset=UTF-8",
        new byte[16385]));
    assertThat(csv.getStatus()).isEqualTo(413);
    assertThat(csv.getContentAsString()).contains("Berkas atau isi permintaan terlalu besar").contains("16 KB");
    // chunked (no length: counted in memory before anyone is signed in), not beyond the ordinary upload limit
    MockHttpServletResponse chunkedCsv = run(limit, chunked(request("POST", "/api/admin/imports", "text/csv",
        new byte[5000])));
    assertThat(chunkedCsv.getStatus()).isEqualTo(413);
    assertThat(chunkedCsv.getContentAsString()).contains("4 KB");
    assertThat(run(limit, chunked(request("POST", "/api/admin/imports", "text/csv", new byte[4096]))).getStatus())
        .isEqualTo(200);
    // not its other paths, nor another path ending the same way
    assertThat(run(limit, request("POST", "/api/admin/imports/1", "text/csv", new byte[5000])).getStatus())
        .isEqualTo(413);
    assertThat(run(limit, request("POST", "/engine-rest/api/admin/imports", "text/csv", new byte[5000])).getStatus())
        .isEqualTo(413);
  }

  @Test
  void aChunkedBodyIsCountedAndPassedOnWhole() throws Exception {
    MockHttpServletRequest big = chunked(request("POST", "/api/me/notifications", "application/json", new byte[1025]));
    assertThat(run(limit, big).getStatus()).isEqualTo(413);
    byte[] small = "{\"enabled\": true}".getBytes(StandardCharsets.UTF_8);
    AtomicReference<byte[]> seen = new AtomicReference<>();
    MockFilterChain chain = new MockFilterChain() {
      @Override
      public void doFilter(jakarta.servlet.ServletRequest request, jakarta.servlet.ServletResponse response)
          throws java.io.IOException {
        seen.set(((HttpServletRequest) request).getInputStream().readAllBytes());
      }
    };
    limit.doFilter(chunked(request("PUT", "/api/me/notifications", "application/json", small)),
        new MockHttpServletResponse(), chain);
    assertThat(seen.get()).isEqualTo(small);
  }

  @Test
  void controlCharactersAreRefusedInParametersAndAnywhereInJson() throws Exception {
    MockHttpServletRequest query = request("GET", "/api/agreements", null, null);
    query.setQueryString("q=sampah%00&province=13");
    MockHttpServletResponse answer = run(guard, query);
    assertThat(answer.getStatus()).isEqualTo(400);
    assertThat(answer.getContentAsString()).contains("karakter kendali").contains("q");

    MockHttpServletResponse json = run(guard, request("POST", "/engine-rest/user/create", "application/json",
        "{\"profile\": {\"id\": \"a\", \"firstName\": \"A\\u0000\"}, \"list\": [\"ok\", \"\\u001b[31m\"]}"
            .getBytes(StandardCharsets.UTF_8)));
    assertThat(json.getStatus()).isEqualTo(400);
    assertThat(json.getContentAsString()).contains("profile.firstName").contains("list[1]");

    // tab and line breaks are text; a body that is not JSON is the API's to answer
    assertThat(run(guard, request("POST", "/api/x", "application/json",
        "{\"notes\": \"baris 1\\nbaris 2\\tkolom\"}".getBytes(StandardCharsets.UTF_8))).getStatus()).isEqualTo(200);
    assertThat(run(guard, request("POST", "/api/x", "application/json",
        "{bukan json".getBytes(StandardCharsets.UTF_8))).getStatus()).isEqualTo(200);
  }

  private static MockHttpServletRequest request(String method, String uri, String type, byte[] body) {
    MockHttpServletRequest request = new MockHttpServletRequest(method, uri);
    if (type != null) {
      request.setContentType(type);
    }
    if (body != null) {
      request.setContent(body);
    }
    return request;
  }

  /** The same request as sent without Content-Length. */
  private static MockHttpServletRequest chunked(MockHttpServletRequest request) {
    MockHttpServletRequest chunked = new MockHttpServletRequest(request.getMethod(), request.getRequestURI()) {
      @Override
      public long getContentLengthLong() {
        return -1;
      }

      @Override
      public int getContentLength() {
        return -1;
      }
    };
    chunked.setContentType(request.getContentType());
    chunked.setContent(request.getContentAsByteArray());
    chunked.addHeader("Transfer-Encoding", "chunked");
    return chunked;
  }

  private static MockHttpServletResponse run(jakarta.servlet.Filter filter, MockHttpServletRequest request)
      throws Exception {
    MockHttpServletResponse response = new MockHttpServletResponse();
    filter.doFilter(request, response, new MockFilterChain());
    return response;
  }
}
