package id.go.kerjasama.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
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
 */
@Configuration
class AssetCaching {

  static final String LONG = "public, max-age=31536000, immutable";
  static final String REVALIDATE = "no-cache";
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
          response.setHeader("Cache-Control",
              versioned && CAMUNDA_BUNDLE.matcher(path).matches() ? LONG : REVALIDATE);
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
}
