package id.go.kerjasama.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * One login (issue 13): a webapp's page opened without a signed-in session (a bookmark, a link in an
 * e-mail, a reload after the session ended) leads to Kerjasama's sign-in page {@code /masuk?aplikasi=<app>}
 * instead of Camunda's own login form (docs/security.md "Sign-in page"). The redirect is answered before
 * Camunda's filters, so it makes no session and costs no Camunda bundle on a slow link; its
 * {@code Location} has no fragment, so the browser keeps the address's own ({@code #/?task=…}, the place
 * in the app), which {@code /masuk} appends to the app's address after the sign-in.
 *
 * <p>Only the four apps' pages, {@code <webapps>/app/<app>/<engine>/}, with a {@code GET} and no
 * authentication for that engine in the session; everything else (their scripts, Camunda's API, Admin's
 * first-administrator setup page {@code /app/admin/default/setup/}, a signed-in user whom an app refuses)
 * passes unchanged. The app's name in the {@code Location} is one of {@link SignInPage#APPS}, taken from
 * the pattern, never copied from anything else in the request.
 */
@Configuration
class WebappSignInRedirect {

  private final String webappRoot;
  private final Pattern page;

  WebappSignInRedirect(@Value("${camunda.bpm.webapp.application-path:/camunda}") String webappRoot) {
    this.webappRoot = webappRoot;
    this.page = Pattern.compile(Pattern.quote(webappRoot) + "/app/(" + String.join("|", SignInPage.APPS.stream()
        .sorted().toList()) + ")/([A-Za-z0-9_-]+)/");
  }

  /** The app whose page {@code path} (below the context path) is, when it is one of the four; else null. */
  String appOf(String path) {
    Matcher matcher = page.matcher(path);
    return matcher.matches() ? matcher.group(1) : null;
  }

  /** The engine the page {@code path} names; {@code path} is a page ({@link #appOf} is not null). */
  String engineOf(String path) {
    Matcher matcher = page.matcher(path);
    return matcher.matches() ? matcher.group(2) : null;
  }

  /** Whether the request's session holds Camunda's webapp authentication for {@code engine}. */
  static boolean signedIn(HttpServletRequest request, String engine) {
    HttpSession session = request.getSession(false);
    Object stored = session == null ? null : session.getAttribute("authenticatedUser");
    return stored instanceof Authentications authentications
        && authentications.hasAuthenticationForProcessEngine(engine);
  }

  @Bean
  FilterRegistrationBean<OncePerRequestFilter> webappSignInRedirectFilter() {
    FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new OncePerRequestFilter() {
      @Override
      protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
          throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String app = "GET".equals(request.getMethod()) ? appOf(path) : null;
        if (app == null || signedIn(request, engineOf(path))) {
          chain.doFilter(request, response);
          return;
        }
        // relative, as the root's redirect: behind a TLS proxy an absolute one could name the wrong scheme
        response.setStatus(HttpServletResponse.SC_FOUND);
        response.setHeader("Location", request.getContextPath() + SignInPage.PATH + "?aplikasi=" + app);
        response.setHeader("Cache-Control", "no-store");
      }
    });
    registration.setName("kerjasama-webapp-sign-in-redirect");
    registration.addUrlPatterns(webappRoot + "/app/*");
    // before the page's preload hints (-140) and Camunda's filters, which would make a session
    registration.setOrder(-145);
    return registration;
  }
}
