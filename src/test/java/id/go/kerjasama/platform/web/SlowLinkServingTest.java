package id.go.kerjasama.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The pure parts of serving for slow links (docs/performance.md "Slow links"):
 * which encoding a browser gets, and where the preload hints go in Tasklist's
 * page. The serving itself is checked over HTTP in {@code SlowLinkIT}.
 */
class SlowLinkServingTest {

  @Test
  void brotliWhenTheBrowserAcceptsItThenGzipThenNothing() {
    assertThat(PrecompressedAssets.chooseEncoding("gzip, deflate, br, zstd", true)).isEqualTo("br");
    assertThat(PrecompressedAssets.chooseEncoding("gzip, deflate, br, zstd", false)).isEqualTo("gzip");
    assertThat(PrecompressedAssets.chooseEncoding("gzip, deflate", true)).isEqualTo("gzip");
    assertThat(PrecompressedAssets.chooseEncoding("BR;q=0.5", true)).isEqualTo("br");
    assertThat(PrecompressedAssets.chooseEncoding("br;q=0, gzip;q=1.0", true)).isEqualTo("gzip");
    assertThat(PrecompressedAssets.chooseEncoding("br; q=0, gzip;q=0", true)).isNull();
    assertThat(PrecompressedAssets.chooseEncoding("identity", true)).isNull();
    assertThat(PrecompressedAssets.chooseEncoding("br;q=nonsense, gzip", true)).isEqualTo("gzip");
    assertThat(PrecompressedAssets.chooseEncoding(null, true)).isNull();
  }

  static final String PAGE = """
      <html><head>
        <base href="/camunda/app/tasklist/default/" app-root="/camunda" app-name="tasklist"/>
        <script defer src="/camunda/lib/deps.js?bust=7.24.0" nonce="abc123" charset="UTF-8"></script>
      </head><body></body></html>
      """;

  @Test
  void theHintsGoIntoTasklistsHeadWithThePagesNonceOnScripts() {
    String page = TasklistPreloads.withHints(PAGE);

    String head = page.substring(0, page.indexOf("</head>"));
    assertThat(head).contains(
        "<link rel=\"modulepreload\" href=\"/camunda/app/kerjasama-locales.js\" nonce=\"abc123\">",
        "<link rel=\"preload\" as=\"script\" href=\"/camunda/lib/ngDefine.js?bust=7.24.0\" nonce=\"abc123\">",
        "<link rel=\"preload\" as=\"fetch\" crossorigin=\"anonymous\" href=\"/camunda/app/tasklist/locales/id.json?bust=7.24.0\">");
    assertThat(page).endsWith("</head><body></body></html>\n");
    assertThat(page.replaceAll("(?s)<!-- Kerjasama.*?-->\\n|\\s*<link rel=\"(module)?preload\"[^>]*>\\n", ""))
        .as("nothing else changed").isEqualTo(PAGE);
  }

  @Test
  void otherPagesStayAsTheyAre() {
    String cockpit = PAGE.replace("app-name=\"tasklist\"", "app-name=\"cockpit\"");
    assertThat(TasklistPreloads.withHints(cockpit)).isEqualTo(cockpit);
    assertThat(TasklistPreloads.withHints("<html>no head</html>")).isEqualTo("<html>no head</html>");
  }

  /** The sign-in page's prefetch list is read from Camunda's template and Kerjasama's style sheet, plus the hints. */
  @Test
  void theFirstLoadAddressesComeFromTasklistsTemplateItsFontsAndTheHints() {
    java.util.List<String> addresses = TasklistPreloads.firstLoadAddresses();
    assertThat(addresses).contains("/lib/deps.js?bust=7.24.0", "/lib/runtime.js?bust=7.24.0",
        "/app/tasklist/camunda-tasklist-bootstrap.js?bust=7.24.0",
        "/app/tasklist/camunda-tasklist-bootstrap.css?bust=7.24.0",
        "/app/tasklist/styles/user-styles.css?bust=7.24.0",
        "/assets/IBMPlexSans-Regular.woff2?bust=7.24.0", "/assets/IBMPlexSans-Bold.woff2?bust=7.24.0");
    assertThat(addresses).containsAll(TasklistPreloads.HINTS.stream().map(TasklistPreloads.Hint::path).toList());
    assertThat(addresses).doesNotHaveDuplicates().allMatch(a -> a.startsWith("/") && !a.contains("$"))
        .noneMatch(a -> a.contains("config.js"));
  }
}
