package id.go.kerjasama.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import id.go.kerjasama.platform.identity.Organisations;
import id.go.kerjasama.platform.identity.UnitLevel;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * The legacy import's upload limit is its own (docs/operations.md "Legacy import"): a CSV file larger than a
 * document may be is taken as a background import, a document that large is still refused as before, and a
 * file over the import's limit is refused in Indonesian with nothing written. The limits are scaled down
 * (documents 16 KB, imports 64 KB instead of 20 MB and 64 MB) so that the files stay small and the import
 * short; the same properties and code paths as in production. A context of its own: runs in failsafe's
 * execution "isolated" (pom.xml), like {@code DirectoryIdentityIT}.
 */
@TestPropertySource(properties = {
    // a context of its own that reads no webapp file's encoding (SlowLinkIT does)
    "kerjasama.web.precompress.enabled=false",
    "kerjasama.documents.max-size=16KB",
    "kerjasama.documents.max-request-size=20KB",
    "kerjasama.legacy-import.max-size=64KB",
    "kerjasama.legacy-import.max-request-size=68KB"})
class ImportUploadLimitIT extends IntegrationTest {

  static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Jakarta"));
  static final byte[] PDF = "%PDF-1.7\n% batas ukuran\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

  @Autowired
  Organisations organisations;
  @Autowired
  JdbcTemplate jdbc;

  @Test
  void aFileLargerThanAnyDocumentIsImportedInTheBackground() throws Exception {
    String tag = "ul" + UUID.randomUUID().toString().substring(0, 8).toLowerCase(Locale.ROOT);
    byte[] csv = file(tag, 120);
    assertThat(csv.length).as("larger than a document may be, within the import's limit")
        .isBetween(16 * 1024 + 1, 64 * 1024);

    Response accepted = upload(ADMIN, "/api/admin/imports?background=true", tag + ".csv", csv);

    assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
    long importId = accepted.json().get("importId").asLong();
    JsonNode listed = check(get(ADMIN, "/api/admin/imports?size=200"), 200).json();
    assertThat(listed.findValuesAsText("importId")).contains(String.valueOf(importId));
    await(Duration.ofMinutes(3), () -> check(get(ADMIN, "/api/admin/imports/" + importId), 200).json()
        .path("importedRows").asInt() > 0);
    JsonNode progressing = check(get(ADMIN, "/api/admin/imports/" + importId), 200).json();
    assertThat(progressing.get("totalRows").asInt()).isEqualTo(120);
    assertThat(progressing.get("fileName").asText()).isEqualTo(tag + ".csv");
    assertThat(total(tag)).isPositive();

    // the upload page names the import's limit, not the document's
    assertThat(check(get(ADMIN, "/api/admin/imports/page"), 200).body()).contains("paling besar 64 KB");
  }

  @Test
  void aDocumentKeepsItsOwnSmallerLimitWithTheSameMessage() throws Exception {
    String tag = "uld" + UUID.randomUUID().toString().substring(0, 8).toLowerCase(Locale.ROOT);
    LegacyCsvFile one = new LegacyCsvFile();
    one.row(tag, "DALAM_NEGERI", "Kerja sama batas unggah " + tag, "Provinsi Kalimantan Tengah", "Indonesia",
        "province-61", "61;62", "INFRASTRUKTUR", "NK", "NK-" + tag, TODAY.minusMonths(1), TODAY.minusMonths(1),
        TODAY.plusYears(2));
    check(upload(ADMIN, "/api/admin/imports", tag + ".csv", one.bytes()), 200);
    long agreementId = check(get(userOf("fasker"), "/api/agreements?q=" + tag), 200).json().at("/items/0/id")
        .asLong();
    String documents = "/api/agreements/" + agreementId + "/documents";
    String province = userOf("province-61");

    byte[] large = new byte[16 * 1024 + 1];
    System.arraycopy(PDF, 0, large, 0, PDF.length);
    JsonNode refused = check(upload(province, documents + "?kind=PKS", "besar.pdf", large), 413).json();
    assertThat(refused.get("message").asText()).isEqualTo("Berkas terlalu besar; ukuran paling besar 16 KB");
    // sent in chunks (no Content-Length) and larger than the import's limit: the multipart parser refuses it,
    // with the document's message
    byte[] huge = new byte[80 * 1024];
    System.arraycopy(PDF, 0, huge, 0, PDF.length);
    JsonNode chunked = check(chunked(province, documents + "?kind=PKS", MULTIPART, multipart("besar.pdf", huge)),
        413).json();
    assertThat(chunked.get("message").asText()).isEqualTo("Berkas terlalu besar; ukuran paling besar 16 KB");
    assertThat(check(get(province, documents), 200).json()).isEmpty();

    byte[] small = new byte[16 * 1024];
    System.arraycopy(PDF, 0, small, 0, PDF.length);
    check(upload(province, documents + "?kind=PKS", "pas.pdf", small), 201);
  }

  @Test
  void aFileOverTheImportsLimitIsRefusedInIndonesianWithNothingWritten() throws Exception {
    String tag = "ulx" + UUID.randomUUID().toString().substring(0, 8).toLowerCase(Locale.ROOT);
    byte[] overFile = file(tag, 330);
    assertThat(overFile.length).isGreaterThan(68 * 1024);
    byte[] justOver = java.util.Arrays.copyOf(overFile, 64 * 1024 + 100);
    Integer importsBefore = jdbc.queryForObject("SELECT COUNT(*) FROM legacy_import", Integer.class);

    // over the file limit, within the request's: the multipart parser or the controller's own check
    for (Response answer : List.of(
        upload(ADMIN, "/api/admin/imports?background=true", "besar.csv", justOver),
        upload(ADMIN, "/api/admin/imports", "besar.csv", justOver),
        raw(ADMIN, "POST", "/api/admin/imports?background=true", MULTIPART, multipart("besar.csv", justOver)),
        raw(ADMIN, "POST", "/api/admin/imports?background=true", "text/csv", justOver),
        // sent in chunks: the multipart parser finds it, the import answers with its own limit
        chunked(ADMIN, "/api/admin/imports?background=true", MULTIPART, multipart("besar.csv", overFile)))) {
      assertThat(answer.status()).as(answer.body()).isEqualTo(413);
      assertThat(answer.json().get("message").asText())
          .startsWith("Berkas impor terlalu besar; ukuran paling besar 64 KB. Bagi menjadi beberapa berkas");
    }
    // over the request limit: refused by its length before anything reads it
    Response byLength = raw(ADMIN, "POST", "/api/admin/imports?background=true", MULTIPART,
        multipart("besar.csv", overFile));
    assertThat(byLength.status()).isEqualTo(413);
    assertThat(byLength.json().get("message").asText()).contains("terlalu besar").contains("68 KB");

    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM legacy_import", Integer.class))
        .as("no import registered").isEqualTo(importsBefore);
    assertThat(total(tag)).isZero();
  }

  static final String BOUNDARY = "batas-unggah-kerjasama";
  static final String MULTIPART = "multipart/form-data; boundary=" + BOUNDARY;

  /** A multipart/form-data body with one file part {@code file}. */
  static byte[] multipart(String fileName, byte[] content) {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
        + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
    body.writeBytes(content);
    body.writeBytes(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.US_ASCII));
    return body.toByteArray();
  }

  byte[] file(String tag, int rows) {
    List<String> provinces = organisations.byLevel(UnitLevel.PROVINCE).stream()
        .map(u -> u.group().substring("province-".length())).toList();
    return new LegacyRows(tag, provinces, TODAY).file(rows);
  }

  long total(String tag) {
    return check(get(userOf("fasker"), "/api/agreements?size=1&q=" + tag), 200).json().get("totalItems").asLong();
  }
}
