package id.go.kerjasama.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.CharArrayWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Preload hints in Tasklist's page, for slow regional links
 * (docs/performance.md "Slow links"). Tasklist's scripts load one another
 * one by one once Camunda's 3.8 MB bundle has run: the AMD loader, the
 * plugin, Kerjasama's locale module and scripts, the translations, each a
 * round trip (562.5 ms on Fast 3G) after the one before. Named in the page's
 * head, the browser fetches these small files while the bundle still
 * downloads, and takes them from its preload cache when the chain asks.
 *
 * <p>Camunda writes the page from its template ({@code ProcessEnginesFilter});
 * this filter, in front of it, adds the {@code <link>}s before {@code </head>}
 * (with the page's CSP nonce for scripts) and leaves the rest unchanged. The
 * addresses are exactly those the chain requests (Camunda's {@code ?bust=}
 * included), else the browser would fetch twice: {@link #HINTS} follows
 * {@code scripts/config.js} ({@code customScripts}), and {@code SlowLinkIT}
 * checks that every hinted address answers and every custom script is hinted.
 * Not hinted: {@code scripts/config.js}, which Camunda requests with the time
 * as its {@code ?bust=}, and the fonts, which would take bandwidth from the
 * bundle that the page waits for.
 */
@Configuration
class TasklistPreloads {

  /** A preload hint: address below the application root, and its kind. */
  record Hint(String path, String as) {
    String html(String appRoot, String nonceAttribute) {
      String href = appRoot + path;
      return switch (as) {
        case "module" -> "<link rel=\"modulepreload\" href=\"" + href + "\"" + nonceAttribute + ">";
        case "script" -> "<link rel=\"preload\" as=\"script\" href=\"" + href + "\"" + nonceAttribute + ">";
        case "fetch" -> "<link rel=\"preload\" as=\"fetch\" crossorigin=\"anonymous\" href=\"" + href + "\">";
        default -> "<link rel=\"preload\" as=\"" + as + "\" href=\"" + href + "\">";
      };
    }
  }

  static final String BUST = "?bust=7.24.0";
  /** In the order the page's chain asks for them. */
  static final List<Hint> HINTS = List.of(
      // the webapps' shared style sheet, which styles/user-styles.css imports (a request after that file's)
      new Hint("/app/kerjasama-webapps.css", "style"),
      new Hint("/app/kerjasama-locales.js", "module"),
      new Hint("/app/kerjasama-footer-zone.js", "module"),
      new Hint("/app/kerjasama-session.js", "module"),
      new Hint("/lib/globalize.js" + BUST, "script"),
      new Hint("/lib/ngDefine.js" + BUST, "script"),
      new Hint("/api/tasklist/plugin/tasklistPlugins/static/app/plugin.js" + BUST, "script"),
      new Hint("/api/tasklist/plugin/tasklistPlugins/static/app/plugin.css" + BUST, "style"),
      new Hint("/app/tasklist/scripts/kerjasama-forms.js" + BUST, "module"),
      new Hint("/app/tasklist/scripts/kerjasama-dossier.js" + BUST, "module"),
      new Hint("/app/tasklist/scripts/kerjasama-worklist.js" + BUST, "module"),
      new Hint("/app/tasklist/locales/id.json" + BUST, "fetch"),
      new Hint("/app/tasklist/locales/en.json" + BUST, "fetch"),
      // the header's logo (user-styles.css), asked for only once the header is drawn
      new Hint("/app/kerjasama-logo.svg", "image"));

  /** Camunda's template of Tasklist's page and Kerjasama's style sheet that names the fonts, in the webjar. */
  static final String TASKLIST_TEMPLATE = "/META-INF/resources/webjars/camunda/app/tasklist/index.html";
  static final String TASKLIST_USER_STYLES = "/META-INF/resources/webjars/camunda/app/tasklist/styles/user-styles.css";
  private static final Pattern TEMPLATE_ADDRESS = Pattern.compile("(?:src|href)=\"\\$APP_ROOT(/[^\"]+)\"");
  private static final Pattern WOFF2 = Pattern.compile("url\\(([^)]+\\.woff2[^)]*)\\)");

  /**
   * Everything Tasklist's first load fetches at a fixed address, below the application root
   * ({@code /camunda}): the files Camunda's page template names ({@code lib/deps.js?bust=…}, the bootstrap
   * script and style sheet, {@code user-styles.css}, the icon), the fonts {@code user-styles.css} declares
   * and the {@link #HINTS}. The sign-in page ({@link SignInPage}) has the browser fetch them ahead while
   * the officer types. Read from the template and the style sheet themselves, so a new Camunda version
   * (a new {@code ?bust=}) or a new font needs no second list.
   */
  static List<String> firstLoadAddresses() {
    List<String> addresses = new java.util.ArrayList<>();
    Matcher template = TEMPLATE_ADDRESS.matcher(classpathText(TASKLIST_TEMPLATE));
    while (template.find()) {
      addresses.add(template.group(1));
    }
    HINTS.forEach(hint -> addresses.add(hint.path()));
    // the fonts last: Tasklist needs them only once it draws
    java.net.URI styles = java.net.URI.create("/app/tasklist/styles/user-styles.css");
    Matcher font = WOFF2.matcher(classpathText(TASKLIST_USER_STYLES));
    while (font.find()) {
      addresses.add(styles.resolve(font.group(1).strip().replace("'", "").replace("\"", "")).toString());
    }
    return List.copyOf(new java.util.LinkedHashSet<>(addresses));
  }

  private static String classpathText(String path) {
    try (java.io.InputStream in = TasklistPreloads.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("missing " + path);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static final Pattern APP_ROOT = Pattern.compile("app-root=\"([^\"]*)\"");
  private static final Pattern NONCE = Pattern.compile("nonce=\"([^\"]+)\"");

  /** The page with the hints before {@code </head>}; unchanged when it is not Tasklist's page. */
  static String withHints(String page) {
    int head = page.indexOf("</head>");
    Matcher root = APP_ROOT.matcher(page);
    if (head < 0 || !root.find() || !page.contains("app-name=\"tasklist\"")) {
      return page;
    }
    Matcher nonce = NONCE.matcher(page);
    String nonceAttribute = nonce.find() ? " nonce=\"" + nonce.group(1) + "\"" : "";
    StringBuilder hints = new StringBuilder("<!-- Kerjasama: what the page's scripts ask for one after another,"
        + " fetched at once (docs/performance.md \"Slow links\") -->\n");
    for (Hint hint : HINTS) {
      hints.append("  ").append(hint.html(root.group(1), nonceAttribute)).append('\n');
    }
    return page.substring(0, head) + hints + page.substring(head);
  }

  @Bean
  FilterRegistrationBean<OncePerRequestFilter> tasklistPreloadFilter() {
    FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new OncePerRequestFilter() {
      @Override
      protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
          throws ServletException, IOException {
        if (!"GET".equals(request.getMethod())) {
          chain.doFilter(request, response);
          return;
        }
        PageCapture capture = new PageCapture(response);
        chain.doFilter(request, capture);
        capture.finish();
      }
    });
    registration.setName("kerjasama-tasklist-preloads");
    registration.addUrlPatterns("/camunda/app/tasklist/*");
    registration.setOrder(-140);
    return registration;
  }

  /** Keeps back an HTML page written through the writer (as Camunda writes its pages); anything else passes. */
  static final class PageCapture extends HttpServletResponseWrapper {
    private CharArrayWriter page;
    private PrintWriter writer;

    PageCapture(HttpServletResponse response) {
      super(response);
    }

    private boolean html() {
      String type = getContentType();
      return type != null && type.toLowerCase(Locale.ROOT).startsWith("text/html");
    }

    @Override
    public PrintWriter getWriter() throws IOException {
      if (writer == null) {
        if (!html()) {
          return super.getWriter();
        }
        page = new CharArrayWriter(4096);
        writer = new PrintWriter(page);
      }
      return writer;
    }

    @Override
    public void flushBuffer() throws IOException {
      if (page == null) {
        super.flushBuffer();
      }
    }

    void finish() throws IOException {
      if (page == null) {
        return;
      }
      writer.flush();
      Charset charset = getCharacterEncoding() != null ? Charset.forName(getCharacterEncoding()) : StandardCharsets.UTF_8;
      byte[] body = withHints(page.toString()).getBytes(charset);
      HttpServletResponse response = (HttpServletResponse) getResponse();
      response.setContentLength(body.length); // Camunda set the template's length before the type
      response.getOutputStream().write(body);
    }
  }
}
