package id.go.kerjasama.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.regex.Pattern;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Caching of the webapps' files for slow regional links (docs/performance.md).
 * Camunda's own bundles ({@code lib/deps.js} alone is 3.8 MB) are requested
 * with {@code ?bust=<Camunda version>}, so a new version has a new address:
 * they are kept for a year without asking again. Kerjasama's own files at
 * the same addresses (config.js, locales/id.json, user-styles.css, the
 * scripts) change without a new Camunda version: the browser revalidates
 * them on every load ({@code no-cache}; unchanged, the answer is a short 304).
 * Compression is Tomcat's ({@code server.compression} in application.yaml).
 * A webapp's page itself (its address ends in {@code /} or {@code .html}) is
 * never kept ({@code no-store}) and never answered 304: each answer carries a
 * new CSP nonce in its header, and a cached page with the old nonce under the
 * new header would have every script refused (a blank page on reload).
 */
@Configuration
class AssetCaching {

  static final String LONG = "public, max-age=31536000, immutable";
  static final String REVALIDATE = "no-cache";
  static final String NEVER = "no-store";
  /** Camunda's unchanged, versioned files: libraries, app bundles, fonts and images. */
  static final Pattern CAMUNDA_BUNDLE = Pattern.compile(
      "/camunda/(lib/.*|assets/.*|app/[a-z]+/camunda-[a-z]+-bootstrap\\.(js|css)|app/[a-z]+/(fonts|assets)/.*)");

  @Bean
  FilterRegistrationBean<OncePerRequestFilter> assetCachingFilter() {
    FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new OncePerRequestFilter() {
      @Override
      protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
          throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        boolean versioned = request.getQueryString() != null && request.getQueryString().contains("bust=");
        String method = request.getMethod();
        if (("GET".equals(method) || "HEAD".equals(method)) && !path.startsWith("/camunda/api/")) {
          boolean page = path.endsWith("/") || path.endsWith(".html");
          response.setHeader("Cache-Control",
              page ? NEVER : versioned && CAMUNDA_BUNDLE.matcher(path).matches() ? LONG : REVALIDATE);
          if (page) {
            request = unconditional(request);
          }
          // the same address is sent as Brotli, gzip or as it is (PrecompressedAssets, Tomcat's gzip):
          // said on every answer, the 304s included, so that no cache hands one browser another's encoding
          response.setHeader("Vary", "Accept-Encoding");
        }
        chain.doFilter(request, response);
      }
    });
    registration.setName("kerjasama-asset-caching");
    registration.addUrlPatterns("/camunda/lib/*", "/camunda/app/*", "/camunda/assets/*");
    registration.setOrder(-150);
    return registration;
  }

  /** The request without its conditions (If-None-Match, If-Modified-Since): answered in full. */
  static HttpServletRequest unconditional(HttpServletRequest request) {
    return new HttpServletRequestWrapper(request) {
      private boolean conditional(String name) {
        return "If-None-Match".equalsIgnoreCase(name) || "If-Modified-Since".equalsIgnoreCase(name);
      }

      @Override
      public String getHeader(String name) {
        return conditional(name) ? null : super.getHeader(name);
      }

      @Override
      public long getDateHeader(String name) {
        return conditional(name) ? -1 : super.getDateHeader(name);
      }

      @Override
      public Enumeration<String> getHeaders(String name) {
        return conditional(name) ? Collections.emptyEnumeration() : super.getHeaders(name);
      }

      @Override
      public Enumeration<String> getHeaderNames() {
        return Collections.enumeration(Collections.list(super.getHeaderNames()).stream()
            .filter(name -> !conditional(name)).toList());
      }
    };
  }
}
