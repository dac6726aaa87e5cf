package id.go.kerjasama.platform.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code /actuator/prometheus} and {@code /actuator/metrics} for members of
 * {@code kerjasama.security.metrics-groups} only (default: administrators and
 * the technical group {@code monitoring}). Runs behind the HTTP Basic
 * authentication of {@link RestAuthentication}, which answers 401 without
 * credentials; here a signed-in user outside those groups gets 403.
 * {@code /actuator/health} and its probes stay open for load balancers.
 */
final class MetricsAccess extends OncePerRequestFilter {

  private final IdentityService identityService;
  private final List<String> groups;

  MetricsAccess(IdentityService identityService, List<String> groups) {
    this.identityService = identityService;
    this.groups = List.copyOf(groups);
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Authentication user = identityService.getCurrentAuthentication();
    if (user == null) {
      JsonAnswer.send(response, HttpServletResponse.SC_UNAUTHORIZED, "Silakan masuk untuk membaca metrik.");
      return;
    }
    List<String> userGroups = user.getGroupIds() == null ? List.of() : user.getGroupIds();
    if (userGroups.stream().noneMatch(groups::contains)) {
      JsonAnswer.send(response, HttpServletResponse.SC_FORBIDDEN,
          "Anda tidak berhak membaca metrik sistem; hanya anggota grup " + String.join(", ", groups) + ".");
      return;
    }
    chain.doFilter(request, response);
  }
}
