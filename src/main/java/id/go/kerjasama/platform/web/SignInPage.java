package id.go.kerjasama.platform.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.webapp.impl.security.filter.util.CsrfConstants;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Kerjasama's own sign-in page for officers, {@code GET /masuk}; the application's root {@code /} leads
 * there (docs/performance.md "Tasklist's first load on Fast 3G", docs/security.md "Sign-in page").
 * A few KB instead of Camunda's 3.8 MB bundle before the form shows: while the officer types, the browser
 * fetches Tasklist's files ahead ({@code <link rel="prefetch">} for
 * {@link TasklistPreloads#firstLoadAddresses()}), so that Tasklist opens from the cache after the sign-in.
 *
 * <p>No new way in: the page's script signs in through Camunda's own login,
 * {@code POST /camunda/api/admin/auth/user/default/login/tasklist}, with Camunda's CSRF token (fetched by
 * {@code GET /camunda/api/admin/auth/user/default}, or the session's own when it has one), behind the same
 * login throttle, and then opens the app's one fixed address ({@link #target}): Tasklist's unless
 * {@code ?aplikasi=} names Cockpit, Admin or Welcome (after a sign-out or an expired session there,
 * {@code app/kerjasama-session.js}). The page reads no address from its parameters, only the address's
 * fragment (the place in the app, {@code #/…}), which the script appends to that fixed address. Its words
 * are Tasklist's own login labels from Tasklist's {@code locales/id.json}. Its script
 * and style sheet are files of their own (no inline script: the page's CSP allows scripts and styles from
 * this origin only); the page itself is never kept ({@code no-store}).
 */
@RestController
class SignInPage {

  static final String PATH = "/masuk";
  /** The webapps {@code ?aplikasi=} may name; anything else is Tasklist. */
  static final Set<String> APPS = Set.of("tasklist", "cockpit", "admin", "welcome");
  /** The application's logo, shared with the webapps' headers (their user-styles.css). */
  static final String LOGO = "/META-INF/resources/webjars/camunda/app/kerjasama-logo.svg";
  static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
      + "img-src 'self'; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; "
      + "form-action 'self'; frame-ancestors 'none'";
  private static final String TASKLIST_LOCALE = "/META-INF/resources/webjars/camunda/app/tasklist/locales/id.json";
  private static final List<String> LABELS = List.of("PAGE_LOGIN_PLEASE_SIGN_IN", "PAGE_LOGIN_USERNAME",
      "PAGE_LOGIN_PASSWORD", "PAGE_LOGIN_SIGN_IN_ACTION", "PAGE_LOGIN_FAILED", "PAGE_LOGIN_ERROR_MSG");

  private final String webappRoot;
  private final Template page;
  private final Map<String, String> labels;
  private final Map<String, Asset> assets;
  private final List<String> prefetch;

  /** The page's own script or style sheet, with the hash that versions its address. */
  record Asset(String body, MediaType type, String version) {
  }

  SignInPage(@Value("${camunda.bpm.webapp.application-path:/camunda}") String webappRoot) throws IOException {
    this.webappRoot = webappRoot;
    this.page = Mustache.compiler().compile(InlinePage.resource("/templates/signin/sign-in-page.html"));
    this.assets = Map.of(
        "masuk.js", asset("/templates/signin/sign-in-page.js", new MediaType("text", "javascript", StandardCharsets.UTF_8)),
        "masuk.css", asset("/templates/signin/sign-in-page.css", new MediaType("text", "css", StandardCharsets.UTF_8)),
        "logo.svg", asset(LOGO, new MediaType("image", "svg+xml", StandardCharsets.UTF_8)));
    JsonNode locale = new ObjectMapper().readTree(InlinePage.resource(TASKLIST_LOCALE)).path("labels");
    Map<String, String> words = new HashMap<>();
    for (String label : LABELS) {
      String word = locale.path(label).asText("");
      if (word.isBlank()) {
        throw new IllegalStateException("Tasklist's id.json has no " + label);
      }
      words.put(label, word);
    }
    this.labels = Map.copyOf(words);
    // not Camunda's plugin files under /api: answered without any cache header, Tasklist fetched them again
    this.prefetch = TasklistPreloads.firstLoadAddresses().stream().filter(path -> !path.startsWith("/api/")).toList();
  }

  /**
   * {@code /}: officers open Tasklist through the sign-in page, as every webapp opened without a session
   * ({@link WebappSignInRedirect}).
   */
  @GetMapping("/")
  void root(HttpServletRequest request, HttpServletResponse response) {
    // a relative Location: behind a TLS proxy (or the tests' TLS front) an absolute one built from the
    // forwarded request could name the wrong scheme or port
    response.setStatus(HttpServletResponse.SC_FOUND);
    response.setHeader("Location", request.getContextPath() + PATH);
    response.setHeader("Cache-Control", "no-store");
  }

  @GetMapping(value = PATH, produces = MediaType.TEXT_HTML_VALUE)
  ResponseEntity<String> page(HttpServletRequest request,
                              @RequestParam(name = "aplikasi", required = false) String aplikasi) {
    String context = request.getContextPath();
    String root = context + webappRoot;
    // one of four fixed names, never an address; anything else (a URL, nothing) is Tasklist
    String app = aplikasi != null && APPS.contains(aplikasi) ? aplikasi : "tasklist";
    Map<String, Object> values = new HashMap<>(labels);
    values.put("script", context + PATH + "/masuk.js?v=" + assets.get("masuk.js").version());
    values.put("style", context + PATH + "/masuk.css?v=" + assets.get("masuk.css").version());
    values.put("logo", context + PATH + "/logo.svg?v=" + assets.get("logo.svg").version());
    values.put("app", app);
    values.put("login", root + "/api/admin/auth/user/default/login/" + app);
    values.put("user", root + "/api/admin/auth/user/default");
    values.put("target", root + target(app));
    values.put("token", sessionToken(request));
    // under /app and /api Camunda's CSRF filter makes a session for a request whose session is gone: those
    // must be done before the sign-in replaces the session (the script waits for them), or one arriving
    // after it would set a new, signed-out session cookie
    // fonts are fetched in CORS mode: a copy prefetched without crossorigin was fetched again (measured)
    // Tasklist's files only for Tasklist: an officer returning to Cockpit or Admin needs none of them
    values.put("prefetch", !"tasklist".equals(app) ? List.of() : prefetch.stream().map(path -> Map.of(
        "href", root + path,
        "session", path.startsWith("/app/") || path.startsWith("/api/"),
        "font", path.contains(".woff2"))).toList());
    return ResponseEntity.ok()
        .header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
        .header("X-Content-Type-Options", "nosniff")
        .header("X-Frame-Options", "DENY")
        .cacheControl(CacheControl.noStore())
        .contentType(new MediaType("text", "html", StandardCharsets.UTF_8))
        .body(page.execute(values));
  }

  /** The app's one address below the webapps' root, where the page leads after the sign-in. */
  static String target(String app) {
    return "/app/" + app + "/default/";
  }

  /** The page's script, style sheet and logo: kept for a year at the address of their hash, else revalidated. */
  @GetMapping(PATH + "/{name:(?:masuk\\.(?:js|css)|logo\\.svg)}")
  ResponseEntity<String> asset(@PathVariable String name, @RequestParam(name = "v", required = false) String version) {
    Asset asset = assets.get(name);
    return ResponseEntity.ok()
        .header("X-Content-Type-Options", "nosniff")
        .header("Cache-Control", asset.version().equals(version) ? AssetCaching.LONG : AssetCaching.REVALIDATE)
        // weak: Tomcat does not compress an answer with a strong ETag (they went as they are, 5 + 2 KB)
        .eTag("W/\"" + asset.version() + "\"")
        .contentType(asset.type())
        .body(asset.body());
  }

  /**
   * The CSRF token of a session that already has one (Camunda sends it only when it makes it, and its
   * cookie's path is the webapps' root, which the page's script cannot read); empty otherwise, and the
   * script takes the new one from the answer to its first request.
   */
  private static String sessionToken(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    Object token = session == null ? null : session.getAttribute(CsrfConstants.CSRF_TOKEN_SESSION_ATTR_NAME);
    return token == null ? "" : token.toString();
  }

  private static Asset asset(String path, MediaType type) {
    String body = InlinePage.resource(path);
    String hash = InlinePage.sha256(body).substring("sha256-".length()).replaceAll("[^A-Za-z0-9]", "");
    return new Asset(body, type, hash.substring(0, 16));
  }
}
