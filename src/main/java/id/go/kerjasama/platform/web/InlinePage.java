package id.go.kerjasama.platform.web;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

/**
 * A small server-rendered page of our own (the upload page, the e-mail
 * preferences page): the Mustache template {@code templates/<folder>/<name>.html}
 * with its style sheet {@code <name>.css} and script {@code <name>.js} beside it,
 * inlined and allowed by their hashes in {@link #contentSecurityPolicy()}.
 * JMustache HTML-escapes every {@code {{value}}}; only style and script are raw.
 */
public final class InlinePage {

  private final String style;
  private final String script;
  private final Template page;
  private final String contentSecurityPolicy;

  /** Reads the page's three resources once; a missing one fails at class initialisation. */
  public InlinePage(String folder, String name) {
    String base = "/templates/" + folder + "/" + name;
    this.style = resource(base + ".css");
    this.script = resource(base + ".js");
    this.page = Mustache.compiler().compile(resource(base + ".html"));
    this.contentSecurityPolicy = "default-src 'none'; script-src '" + sha256(script) + "'; style-src '"
        + sha256(style) + "'; connect-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'; "
        + "frame-ancestors 'none'";
  }

  /** Nothing but the page's own inline script and style and requests to this origin; no framing. */
  public String contentSecurityPolicy() {
    return contentSecurityPolicy;
  }

  /** The page with {@code values} (every one escaped) plus its {@code style} and {@code script}. */
  public String render(Map<String, Object> values) {
    Map<String, Object> all = new HashMap<>(values);
    all.put("style", style);
    all.put("script", script);
    return page.execute(all);
  }

  /** The value of a CSP hash source ({@code sha256-…}) of {@code text}. */
  public static String sha256(String text) {
    try {
      return "sha256-" + Base64.getEncoder().encodeToString(
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A text resource of the classpath (UTF-8); missing, it stops the start-up. */
  static String resource(String path) {
    try (InputStream in = InlinePage.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("missing template resource " + path);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
