package id.go.kerjasama.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * Fast on slow links (docs/performance.md): scripts, styles and JSON are
 * compressed; Camunda's versioned bundles are cached for a year, Kerjasama's
 * own files at the same addresses are revalidated on each load.
 */
class SlowLinkIT extends IntegrationTest {

  final HttpClient http = HttpClient.newHttpClient();

  HttpResponse<byte[]> fetch(String path, String user) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Accept-Encoding", "gzip");
    if (user != null) {
      request.header("Authorization", "Basic " + java.util.Base64.getEncoder()
          .encodeToString((user + ":" + PASSWORD).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }
    return http.send(request.GET().build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  @Test
  void camundasBundlesAreCompressedAndCachedForAYear() throws Exception {
    HttpResponse<byte[]> deps = fetch("/camunda/lib/deps.js?bust=7.24.0", null);
    assertThat(deps.statusCode()).isEqualTo(200);
    assertThat(deps.headers().firstValue("Content-Encoding")).hasValue("gzip");
    assertThat(deps.body().length).as("3.8 MB uncompressed").isLessThan(1_500_000);
    assertThat(deps.headers().firstValue("Cache-Control")).hasValue("public, max-age=31536000, immutable");
  }

  @Test
  void ourOwnFilesAreRevalidatedSoChangesArriveAtOnce() throws Exception {
    HttpResponse<byte[]> script = fetch("/camunda/app/tasklist/scripts/kerjasama-forms.js?bust=7.24.0", null);
    assertThat(script.statusCode()).isEqualTo(200);
    assertThat(script.headers().firstValue("Cache-Control")).hasValue("no-cache");
    assertThat(script.headers().firstValue("Content-Encoding")).hasValue("gzip");
    HttpResponse<byte[]> locale = fetch("/camunda/app/tasklist/locales/id.json?bust=7.24.0", null);
    assertThat(locale.headers().firstValue("Cache-Control")).hasValue("no-cache");
  }

  @Test
  void jsonOfTheApiIsCompressed() throws Exception {
    HttpResponse<byte[]> agreements = fetch("/engine-rest/process-definition", userOf("fasker"));
    assertThat(agreements.statusCode()).isEqualTo(200);
    assertThat(agreements.headers().firstValue("Content-Encoding")).hasValue("gzip");
  }
}
