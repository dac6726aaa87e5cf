package id.go.kerjasama.documents;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.kerjasama.registry.Agreement;
import id.go.kerjasama.registry.CooperationType;
import id.go.kerjasama.registry.DocumentKind;
import id.go.kerjasama.registry.Phase;
import id.go.kerjasama.registry.Status;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The upload page rendered from its template: what a user reads, escaped, and allowed by its own policy. */
class UploadPageTest {

  static Agreement agreement(String registrationNumber, String title) {
    return new Agreement(7L, registrationNumber, CooperationType.KSDD, title, "Kota Bandung", null, "regency-3204",
        "32", null, List.of("32"), List.of(), null, 24, false, Phase.SIGNING, Status.ACTIVE, null, null, null,
        null, null, null, null, 1, null, "demo", null, null);
  }

  @Test
  void showsTheAgreementAndOffersOnlyTheKindsOfItsType() {
    String html = UploadPage.render(agreement("KS-DD-2026-0007", "Pengelolaan Sampah Regional"), DocumentKind.PKS,
        "10 MB", "token-1");
    assertThat(html).contains("<title>Unggah dokumen KS-DD-2026-0007</title>")
        .contains("<strong>KS-DD-2026-0007</strong> &ndash; Pengelolaan Sampah Regional")
        .contains("paling besar 10 MB").contains("data-base=\"/api/agreements/7/documents\"")
        .contains("data-token=\"token-1\"").contains("<option value=\"PKS\" selected>")
        .doesNotContain("value=\"MSP\"");
    for (DocumentKind kind : DocumentKind.values()) {
      assertThat(html.contains("<option value=\"" + kind.name() + "\"")).as(kind.name())
          .isEqualTo(kind.belongsTo(CooperationType.KSDD));
    }
  }

  @Test
  void aHostileTitleOrTokenIsTextNotMarkup() {
    String html = UploadPage.render(agreement("KS<1>", "</p><script>alert('x')</script>"), null, "10 MB",
        "\"><img src=x onerror=alert(1)>");
    assertThat(html).doesNotContain("<script>alert").doesNotContain("<img src=x")
        .contains("&lt;/p&gt;&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;").contains("KS&lt;1&gt;")
        .contains("data-token=\"&quot;&gt;&lt;img src&#x3D;x onerror&#x3D;alert(1)&gt;\"");
    assertThat(html.split("<script>", -1)).hasSize(2);
  }

  @Test
  void theOnlyScriptAndStyleAreTheOnesThePolicyAllows() throws Exception {
    String html = UploadPage.render(agreement("KS-1", "Judul"), null, "10 MB", null);
    String script = html.substring(html.indexOf("<script>") + 8, html.indexOf("</script>"));
    String style = html.substring(html.indexOf("<style>") + 7, html.indexOf("</style>"));
    assertThat(UploadPage.CONTENT_SECURITY_POLICY).contains("script-src '" + sha256(script) + "'")
        .contains("style-src '" + sha256(style) + "'");
    assertThat(html).contains("data-token=\"\"");
  }

  static String sha256(String text) throws Exception {
    return "sha256-" + Base64.getEncoder().encodeToString(
        MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
  }
}
