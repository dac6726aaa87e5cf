package id.go.kerjasama.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import id.go.kerjasama.platform.identity.Organisations;
import id.go.kerjasama.platform.identity.UnitLevel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The administrator's import page (legacyimport/ImportPage) from the server's side: the page for an
 * administrator signed in to the webapps carries the session's CSRF token and its own
 * Content-Security-Policy; its upload is a background import (202) whose progress and refused rows (line,
 * Indonesian reason) are read back; the attacks — a forged upload riding on the session without the token,
 * the same from another site, a non-administrator opening the page or calling the import — are refused
 * and write nothing; a file that cannot be an import is a 400 in Indonesian with nothing recorded.
 */
class ImportPageIT extends IntegrationTest {

  static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Jakarta"));

  @Autowired
  JdbcTemplate jdbc;
  @Autowired
  Organisations organisations;

  /** A browser: keeps its cookies. */
  final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
  final HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies).build();

  record Answer(int status, String body, HttpResponse<String> response) {
    String header(String name) {
      return response.headers().firstValue(name).orElse(null);
    }
  }

  @Test
  void anAdministratorUploadsOnThePageAndForgedUploadsAreRefused() throws Exception {
    String token = signIn(ADMIN, ADMIN_PASSWORD, "cockpit");
    Answer page = send(HttpRequest.newBuilder(uri("/api/admin/imports/page")).header("Accept", "text/html").GET());
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.header("Content-Type")).startsWith("text/html");
    assertThat(page.header("Content-Security-Policy")).contains("script-src 'sha256-").contains("connect-src 'self'")
        .contains("frame-ancestors 'none'").doesNotContain("unsafe-inline");
    assertThat(page.body()).contains("<html lang=\"id\">", "Impor data kerja sama lama", "Berkas CSV",
        "data-token=\"" + token + "\"");

    String tag = "pg" + UUID.randomUUID().toString().substring(0, 8).toLowerCase(Locale.ROOT);
    String province = province();
    String csv = LegacyCsvFile.HEADER + "\r\n"
        + row(tag + "/1", province, "PKS", TODAY.minusMonths(2), TODAY.plusYears(2)) + "\r\n"
        + row(tag + "/2", province, "PKS", TODAY.minusMonths(3), TODAY.plusYears(3)) + "\r\n"
        + row(tag + "/3", province, "PKS", TODAY.minusMonths(1), TODAY.minusMonths(2)) + "\r\n"
        + row(tag + "/4", "99", "PKS", TODAY.minusMonths(1), TODAY.plusYears(1)) + "\r\n";
    int importsBefore = imports();

    // the attack: a page on another site makes the administrator's browser post a file with the session cookie
    Answer forged = upload("/api/admin/imports?background=true", "serang.csv", csv, null, null);
    assertThat(forged.status()).isEqualTo(403);
    assertThat(json.readTree(forged.body()).get("message").asText()).contains("X-XSRF-TOKEN");
    Answer crossSite = upload("/api/admin/imports?background=true", "serang.csv", csv, token, "https://jahat.example");
    assertThat(crossSite.status()).isEqualTo(403);
    assertThat(json.readTree(crossSite.body()).get("message").asText()).contains("situs lain");
    assertThat(imports()).as("nothing recorded").isEqualTo(importsBefore);
    assertThat(total(tag)).isZero();

    // a file that cannot be an import: 400 in Indonesian at once, nothing recorded
    Answer noColumns = upload("/api/admin/imports?background=true", "salah.csv", "nomor;judul\n1;a\n", token, null);
    assertThat(noColumns.status()).isEqualTo(400);
    assertThat(json.readTree(noColumns.body()).toString()).contains("kolom wajib tidak ada");
    Answer empty = upload("/api/admin/imports?background=true", "kosong.csv", "", token, null);
    assertThat(empty.status()).isEqualTo(400);
    assertThat(json.readTree(empty.body()).get("message").asText()).isNotBlank();
    assertThat(imports()).as("nothing half-written").isEqualTo(importsBefore);

    // the page's own upload: the session with its token, answered at once
    Answer accepted = upload("/api/admin/imports?background=true", "halaman.csv", csv, token, null);
    assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
    long importId = json.readTree(accepted.body()).get("importId").asLong();
    JsonNode done = null;
    for (int i = 0; i < 600; i++) {
      done = json.readTree(send(HttpRequest.newBuilder(uri("/api/admin/imports/" + importId)).GET()).body());
      if (done.get("status").asText().equals("FINISHED")) {
        break;
      }
      Thread.sleep(200);
    }
    assertThat(done.get("status").asText()).as(done.toString()).isEqualTo("FINISHED");
    assertThat(done.get("fileName").asText()).isEqualTo("halaman.csv");
    assertThat(done.get("totalRows").asInt()).isEqualTo(4);
    assertThat(done.get("importedRows").asInt()).isEqualTo(2);
    assertThat(done.get("rejectedRows").asInt()).isEqualTo(2);
    assertThat(done.get("pendingRows").asInt()).isZero();
    assertThat(total(tag)).isEqualTo(2);

    // its refused rows, by line, with the reasons in Indonesian, also after it finished
    JsonNode rejected = json.readTree(send(HttpRequest.newBuilder(
        uri("/api/admin/imports/" + importId + "/rejected")).GET()).body());
    assertThat(rejected).hasSize(2);
    assertThat(rejected.get(0).get("line").asInt()).isEqualTo(4);
    assertThat(rejected.get(0).get("legacyNumber").asText()).isEqualTo(tag + "/3");
    assertThat(rejected.get(0).get("problems").toString()).contains("Tanggal berakhir harus sesudah tanggal mulai");
    assertThat(rejected.get(1).get("line").asInt()).isEqualTo(5);
    assertThat(rejected.get(1).get("problems").toString()).contains("Unit pengusul '99' tidak dikenal");
    assertThat(send(HttpRequest.newBuilder(uri("/api/admin/imports/" + importId + "/rejected?size=501")).GET())
        .status()).isEqualTo(400);
    assertThat(send(HttpRequest.newBuilder(uri("/api/admin/imports/999999999/rejected")).GET()).status())
        .isEqualTo(404);
    // the list the page shows after a reload
    JsonNode latest = json.readTree(send(HttpRequest.newBuilder(uri("/api/admin/imports?size=10")).GET()).body());
    assertThat(latest.findValuesAsText("fileName")).contains("halaman.csv");
  }

  @Test
  void otherUsersGetAForbiddenPageInIndonesianAndCannotReadOrUpload() throws Exception {
    // HTTP Basic, a Fasker officer (not an administrator)
    Response page = exchange(userOf("fasker"), "GET", "/api/admin/imports/page", null);
    assertThat(page.status()).isEqualTo(403);
    assertThat(page.body()).contains("<html lang=\"id\">", "Halaman ini hanya untuk administrator",
        "tidak berhak mengimpor").doesNotContain("id=\"import\"");
    assertThat(exchange(userOf("fasker"), "GET", "/api/admin/imports/1/rejected", null).status()).isEqualTo(403);
    assertThat(exchange(userOf("fasker"), "GET", "/api/admin/imports", null).status()).isEqualTo(403);
    // no login at all
    assertThat(exchange(null, "GET", "/api/admin/imports/page", null).status()).isEqualTo(401);

    // a province's officer signed in to Tasklist: the page refuses, so does the upload with a valid token
    String token = signIn(userOf("province-82"), PASSWORD, "tasklist");
    Answer refused = send(HttpRequest.newBuilder(uri("/api/admin/imports/page")).header("Accept", "text/html").GET());
    assertThat(refused.status()).isEqualTo(403);
    assertThat(refused.header("Content-Type")).startsWith("text/html");
    assertThat(refused.body()).contains("Halaman ini hanya untuk administrator", userOf("province-82"));
    int importsBefore = imports();
    Answer upload = upload("/api/admin/imports?background=true", "coba.csv",
        LegacyCsvFile.HEADER + "\n" + row("x/1", province(), "PKS", TODAY.minusMonths(1), TODAY.plusYears(1)) + "\n",
        token, null);
    assertThat(upload.status()).isEqualTo(403);
    assertThat(json.readTree(upload.body()).get("message").asText()).isEqualTo(
        "Impor data lama hanya untuk administrator");
    assertThat(imports()).isEqualTo(importsBefore);
  }

  private String row(String legacyNumber, String province, String kind, LocalDate start, LocalDate end) {
    return String.join(",", legacyNumber, "DALAM_NEGERI", "Kerja sama halaman impor " + legacyNumber,
        "Pemerintah Daerah Mitra", "Indonesia", province, province, "EKONOMI", kind, "PKS/" + legacyNumber,
        "", start.minusDays(1).toString(), start.toString(), end.toString());
  }

  private String province() {
    return organisations.byLevel(UnitLevel.PROVINCE).stream().map(u -> u.group().substring("province-".length()))
        .filter(p -> !LegacyRows.RESERVED_PROVINCES.contains(p)).sorted().findFirst().orElseThrow();
  }

  private int imports() {
    return jdbc.queryForObject("SELECT COUNT(*) FROM legacy_import", Integer.class);
  }

  private long total(String tag) {
    return check(get(userOf("fasker"), "/api/agreements?size=1&q=" + tag), 200).json().get("totalItems").asLong();
  }

  /** Posts the file as the page does (multipart, part {@code file}); {@code token} and {@code origin} if given. */
  private Answer upload(String path, String fileName, String content, String token, String origin)
      throws IOException, InterruptedException {
    String boundary = "----kerjasama" + UUID.randomUUID();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
        + "\"\r\nContent-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8));
    body.writeBytes(content.getBytes(StandardCharsets.UTF_8));
    body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
    if (token != null) {
      request.header("X-XSRF-TOKEN", token);
    }
    if (origin != null) {
      request.header("Origin", origin);
    }
    return send(request);
  }

  /** Signs in through the webapps' login form as a browser does; returns the session's CSRF token. */
  private String signIn(String user, String password, String app) throws IOException, InterruptedException {
    send(HttpRequest.newBuilder(uri("/camunda/api/admin/auth/user/default")).GET());
    String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
        + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
    Answer login = send(HttpRequest.newBuilder(uri("/camunda/api/admin/auth/user/default/login/" + app))
        .header("X-XSRF-TOKEN", cookieToken())
        .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
        .POST(HttpRequest.BodyPublishers.ofString(form)));
    assertThat(login.status()).as(login.body()).isEqualTo(200);
    Answer after = send(HttpRequest.newBuilder(uri("/camunda/api/admin/auth/user/default")).GET());
    String token = after.header("X-XSRF-TOKEN") != null ? after.header("X-XSRF-TOKEN") : cookieToken();
    assertThat(token).as("CSRF token of the webapps").isNotBlank();
    return token;
  }

  private String cookieToken() {
    return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
        .map(HttpCookie::getValue).reduce((a, b) -> b).orElse("");
  }

  private URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }

  private Answer send(HttpRequest.Builder request) throws IOException, InterruptedException {
    HttpRequest built = request.build();
    if (built.headers().firstValue("Accept").isEmpty()) {
      built = HttpRequest.newBuilder(built, (name, value) -> true).header("Accept", "application/json").build();
    }
    HttpResponse<String> response = browser.send(built, HttpResponse.BodyHandlers.ofString());
    return new Answer(response.statusCode(), response.body(), response);
  }
}
