package id.go.kerjasama.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Signed documents on PostgreSQL: upload, versions that never overwrite each
 * other, download with checksum, the type and size checks, and who may upload
 * and download.
 */
class DocumentRestIT extends IntegrationTest {

  static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Jakarta"));
  static final byte[] PDF_V1 = "%PDF-1.7\n% versi satu\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
  static final byte[] PDF_V2 = "%PDF-1.7\n% versi dua, hasil pindaian ulang\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
  static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0x10, 'J', 'F', 'I', 'F', 0};

  long agreementId;
  String documents;

  /** A domestic agreement proposed by province 61 that takes place in 61 and 62, from the legacy import. */
  @BeforeEach
  void importAgreement() {
    String tag = "doc" + UUID.randomUUID().toString().substring(0, 8).toLowerCase(Locale.ROOT);
    LegacyCsvFile csv = new LegacyCsvFile();
    csv.row(tag, "DALAM_NEGERI", "Kerja sama dokumen " + tag, "Provinsi Kalimantan Tengah", "Indonesia",
        "province-61", "61;62", "INFRASTRUKTUR", "NK", "NK-" + tag, TODAY.minusMonths(1), TODAY.minusMonths(1),
        TODAY.plusYears(2));
    check(upload(ADMIN, "/api/admin/imports", tag + ".csv", csv.bytes()), 200);
    agreementId = check(get(userOf("fasker"), "/api/agreements?q=" + tag), 200).json().at("/items/0/id").asLong();
    documents = "/api/agreements/" + agreementId + "/documents";
  }

  @Test
  void aNewVersionKeepsTheOldOneAndBothDownloadWithTheirChecksums() throws Exception {
    String province = userOf("province-61");
    JsonNode first = check(upload(province, documents + "?kind=PKS", "pks.pdf", PDF_V1), 201).json();
    assertThat(first.get("kind").asText()).isEqualTo("PKS");
    assertThat(first.get("versions")).hasSize(1);
    assertThat(first.at("/versions/0/sha256").asText()).isEqualTo(sha256(PDF_V1));
    assertThat(first.at("/versions/0/uploadedBy").asText()).isEqualTo(province);
    assertThat(first.at("/versions/0/contentType").asText()).isEqualTo("application/pdf");

    JsonNode second = check(upload(province, documents + "?kind=PKS", "C:\\scan\\pks-ttd.pdf", PDF_V2), 201).json();
    assertThat(second.get("id").asLong()).isEqualTo(first.get("id").asLong());
    assertThat(second.get("versions").findValuesAsText("versionNo")).containsExactly("1", "2");
    assertThat(second.at("/versions/1/fileName").asText()).isEqualTo("pks-ttd.pdf");
    check(upload(province, documents + "?kind=NK", "nk.jpg", JPEG), 201);

    JsonNode list = check(get(userOf("province-62"), documents), 200).json();
    assertThat(list.findValuesAsText("kind")).containsExactly("NK", "PKS");
    String v1 = first.at("/versions/0/contentUrl").asText();
    String v2 = second.at("/versions/1/contentUrl").asText();
    assertThat(download(userOf("province-62"), v1)).isEqualTo(PDF_V1);
    assertThat(download(userOf("supervisor"), v2)).isEqualTo(PDF_V2);
    check(get(userOf("fasker"), documents + "/" + first.get("id").asLong() + "/versions/3/content"), 404);

    JsonNode detail = check(get(province, "/api/agreements/" + agreementId), 200).json();
    assertThat(detail.get("documents").findValuesAsText("kind")).containsExactly("NK", "PKS");
    assertThat(detail.get("timeline").findValuesAsText("activity")).contains("Document_PKS", "Document_NK");
  }

  @Test
  void onlyPdfJpegAndPngUpToTheLimitAreTakenWithAClearMessage() {
    String province = userOf("province-61");
    JsonNode text = check(upload(province, documents + "?kind=PKS", "pks.pdf",
        "bukan PDF".getBytes(StandardCharsets.UTF_8)), 415).json();
    assertThat(text.get("message").asText()).contains("unggah PDF, JPEG atau PNG");
    JsonNode wrongKind = check(upload(province, documents + "?kind=MSP", "msp.pdf", PDF_V1), 400).json();
    assertThat(wrongKind.get("message").asText()).contains("Jenis dokumen MSP tidak berlaku").contains("pilihan: NK, NKSP_DRAFT, NOTA_KESEPAKATAN, PKS");
    JsonNode empty = check(upload(province, documents + "?kind=PKS", "kosong.pdf", new byte[0]), 400).json();
    assertThat(empty.get("message").asText()).contains("Berkas kosong");

    byte[] tooLarge = new byte[20 * 1024 * 1024 + 1];
    System.arraycopy(PDF_V1, 0, tooLarge, 0, PDF_V1.length);
    JsonNode large = check(upload(province, documents + "?kind=PKS", "besar.pdf", tooLarge), 413).json();
    assertThat(large.get("message").asText()).contains("Berkas terlalu besar").contains("20 MB");
    assertThat(check(get(province, documents), 200).json()).isEmpty();
  }

  @Test
  void aProvinceNotInvolvedCannotDownloadAndOnlyTheSigningPartiesUpload() {
    check(upload(userOf("province-61"), documents + "?kind=NK", "nk.pdf", PDF_V1), 201);
    String url = check(get(userOf("fasker"), documents), 200).json().at("/0/versions/0/contentUrl").asText();

    JsonNode forbidden = check(get(userOf("province-63"), url), 403).json();
    assertThat(forbidden.get("message").asText()).contains("tidak berhak");
    check(get(userOf("province-63"), documents), 403);
    check(upload(userOf("province-63"), documents + "?kind=NK", "nk.pdf", PDF_V2), 403);
    // the location province and supervisors look, they do not upload
    JsonNode readOnly = check(upload(userOf("province-62"), documents + "?kind=NK", "nk.pdf", PDF_V2), 403).json();
    assertThat(readOnly.get("message").asText()).contains("hanya dapat melihat");
    check(upload(userOf("supervisor"), documents + "?kind=NK", "nk.pdf", PDF_V2), 403);
    check(upload(userOf("fasker"), documents + "?kind=NK", "nk.pdf", PDF_V2), 201);
    assertThat(get(null, url).status()).isEqualTo(401);
  }

  @Test
  void anUploadFromAUserWhoMayNotUploadIsRefusedBeforeItsBodyIsRead() throws Exception {
    String multipart = "multipart/form-data; boundary=batas";
    java.time.Duration wait = java.time.Duration.ofSeconds(20);
    // a province with no part in the agreement, and one that only looks (the location province)
    assertThat(partialUpload(userOf("province-63"), documents + "?kind=NK", multipart, wait))
        .startsWith("HTTP/1.1 403").contains("tidak berhak");
    assertThat(partialUpload(userOf("province-62"), documents + "?kind=NK", multipart, wait))
        .startsWith("HTTP/1.1 403").contains("hanya dapat melihat");
    // an agreement that does not exist: 404 at once as well
    assertThat(partialUpload(userOf("province-61"), "/api/agreements/999999999/documents?kind=NK", multipart, wait))
        .startsWith("HTTP/1.1 404");
    assertThat(partialUpload(userOf("province-61"), documents + "?kind=NK", multipart,
        java.time.Duration.ofSeconds(3))).as("the signing party's upload waits for the rest of its body").isEmpty();
    assertThat(check(get(userOf("fasker"), documents), 200).json()).as("nothing stored").isEmpty();
  }

  @Test
  void theUploadPageTheFormsLinkToIsServed() {
    String html = client(userOf("province-61"), PASSWORD).get().uri(documents + "/upload?kind=PKS")
        .retrieve().body(String.class);
    assertThat(html).contains("<form id=\"upload\"").contains("value=\"PKS\" selected")
        .contains("/api/agreements/" + agreementId + "/documents").doesNotContain("value=\"MSP\"");
    check(get(userOf("province-63"), documents + "/upload?kind=PKS"), 403);
  }

  byte[] download(String user, String url) {
    return client(user, PASSWORD).get().uri(url).exchange((req, res) -> {
      assertThat(res.getStatusCode().value()).isEqualTo(200);
      byte[] body = res.getBody().readAllBytes();
      assertThat(res.getHeaders().getFirst("X-Checksum-SHA256")).isEqualTo(sha256(body));
      assertThat(res.getHeaders().getContentDisposition().isAttachment()).isTrue();
      return body;
    });
  }

  static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
