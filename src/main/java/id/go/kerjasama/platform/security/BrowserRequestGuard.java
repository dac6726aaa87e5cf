package id.go.kerjasama.platform.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Cross-site request forgery on {@code /api} and {@code /engine-rest}: the
 * browser replays HTTP Basic credentials, so a page on another site could
 * make a signed-in officer's browser send a state-changing request. Such a
 * request (POST, PUT, PATCH, DELETE) is refused with 403 when
 * <ul>
 *   <li>its {@code Origin} is neither the application's own origin (scheme,
 *   host and port of the request, as the reverse proxy forwarded them) nor in
 *   {@code kerjasama.security.allowed-origins}, or</li>
 *   <li>the browser says it comes from another site ({@code Sec-Fetch-Site:
 *   cross-site} or {@code same-site}).</li>
 * </ul>
 * Requests without those headers (curl, Camunda Modeler, Java clients) pass.
 * On {@code /api} the body types a plain HTML form can send without the
 * browser asking first ({@code text/plain}, {@code application/x-www-form-urlencoded})
 * are refused with 415.
 */
final class BrowserRequestGuard extends OncePerRequestFilter {

  private static final Logger LOG = LoggerFactory.getLogger(BrowserRequestGuard.class);
  private static final Set<String> STATE_CHANGING = Set.of("POST", "PUT", "PATCH", "DELETE");
  private static final Set<String> FORM_TYPES = Set.of("text/plain", "application/x-www-form-urlencoded");

  private final Set<String> allowedOrigins;

  BrowserRequestGuard(List<String> allowedOrigins) {
    this.allowedOrigins = allowedOrigins.stream().map(BrowserRequestGuard::normalise)
        .filter(o -> o != null).collect(Collectors.toUnmodifiableSet());
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (!STATE_CHANGING.contains(request.getMethod().toUpperCase(Locale.ROOT))) {
      chain.doFilter(request, response);
      return;
    }
    String fetchSite = request.getHeader("Sec-Fetch-Site");
    String origin = request.getHeader("Origin");
    if (fetchSite != null && (fetchSite.equalsIgnoreCase("cross-site") || fetchSite.equalsIgnoreCase("same-site"))
        && !allowedOrigin(origin)) {
      refuse(request, response, "Sec-Fetch-Site " + fetchSite);
      return;
    }
    if (origin != null && !sameOrigin(origin, request) && !allowedOrigin(origin)) {
      refuse(request, response, "Origin " + origin);
      return;
    }
    if (isApi(request) && isFormType(request.getContentType())) {
      JsonAnswer.send(response, HttpServletResponse.SC_UNSUPPORTED_MEDIA_TYPE,
          "Jenis isi permintaan " + request.getContentType() + " tidak diterima. Kirim application/json, "
              + "multipart/form-data, atau text/csv sesuai dokumentasi API.");
      return;
    }
    chain.doFilter(request, response);
  }

  private void refuse(HttpServletRequest request, HttpServletResponse response, String why) throws IOException {
    LOG.warn("Refused a cross-site {} {} from {} ({})", request.getMethod(), request.getRequestURI(),
        request.getRemoteAddr(), why);
    JsonAnswer.send(response, HttpServletResponse.SC_FORBIDDEN,
        "Permintaan dari situs lain ditolak. Buka aplikasi langsung di alamatnya sendiri lalu ulangi.");
  }

  private boolean allowedOrigin(String origin) {
    String normalised = normalise(origin);
    return normalised != null && allowedOrigins.contains(normalised);
  }

  static boolean sameOrigin(String origin, HttpServletRequest request) {
    String own = normalise(request.getScheme() + "://" + request.getServerName() + ":" + request.getServerPort());
    String normalised = normalise(origin);
    return normalised != null && normalised.equals(own);
  }

  private static boolean isApi(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return path.equals("/api") || path.startsWith("/api/");
  }

  private static boolean isFormType(String contentType) {
    if (contentType == null) {
      return false;
    }
    String type = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
    return FORM_TYPES.contains(type);
  }

  /** {@code scheme://host:port}, lower case, with the scheme's default port made explicit; null if not an origin. */
  static String normalise(String origin) {
    if (origin == null || origin.isBlank() || origin.equals("null")) {
      return null;
    }
    try {
      URI uri = new URI(origin.trim());
      if (uri.getScheme() == null || uri.getHost() == null) {
        return null;
      }
      String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
      int port = uri.getPort();
      if (port == -1) {
        port = switch (scheme) {
          case "http" -> 80;
          case "https" -> 443;
          default -> -1;
        };
      }
      return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + ":" + port;
    } catch (URISyntaxException e) {
      return null;
    }
  }
}
