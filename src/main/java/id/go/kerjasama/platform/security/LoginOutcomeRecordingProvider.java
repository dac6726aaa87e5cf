package id.go.kerjasama.platform.security;

import jakarta.servlet.http.HttpServletRequest;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;

/**
 * Camunda's HTTP Basic authentication that also tells the login throttle
 * ({@link LoginThrottleFilter}) whether a password was actually checked and
 * with what result. On {@code /api}, a request without credentials from a
 * browser signed in to Tasklist, Cockpit or Admin runs as that user
 * ({@link WebappSession}; state-changing calls also need the webapps' CSRF
 * token, {@link SessionCsrfGuard}), so officers follow links to {@code /api}
 * without a second password. Public only because Camunda's
 * {@code ProcessEngineAuthenticationFilter} instantiates it by class name.
 */
public class LoginOutcomeRecordingProvider extends HttpBasicAuthenticationProvider {

  /** Request attribute: {@link Boolean#TRUE} the password was right, {@link Boolean#FALSE} it was wrong. */
  static final String PASSWORD_CHECKED = LoginOutcomeRecordingProvider.class.getName() + ".passwordChecked";

  @Override
  public AuthenticationResult extractAuthenticatedUser(HttpServletRequest request, ProcessEngine engine) {
    if (WebappSession.isApi(request)) {
      String sessionUser = WebappSession.userOf(request, engine.getName());
      if (sessionUser != null) {
        return AuthenticationResult.successful(sessionUser);
      }
    }
    AuthenticationResult result = super.extractAuthenticatedUser(request, engine);
    if (BasicCredentials.userOf(request) != null) {
      request.setAttribute(PASSWORD_CHECKED, result.isAuthenticated());
    }
    return result;
  }
}
