package id.go.kerjasama.platform.security;

import jakarta.servlet.http.HttpServletRequest;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;

/**
 * Camunda's HTTP Basic authentication that also tells the login throttle
 * ({@link LoginThrottleFilter}) whether a password was actually checked and
 * with what result. On {@code /api}, a request without credentials from a
 * browser signed in to Tasklist, Cockpit or Admin runs as that user
 * ({@link WebappSession}; state-changing calls also need the webapps' CSRF
 * token, {@link SessionCsrfGuard}), so officers follow links to {@code /api}
 * without a second password. A password verified within the last seconds is
 * not checked again, nor the user's groups and tenants read again
 * ({@link VerifiedCredentials}: never the password itself is kept, never a
 * wrong one). Public only because Camunda's
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
    if (result.isAuthenticated() && result.getAuthenticatedUser() != null) {
      // what ProcessEngineAuthenticationFilter would otherwise read on every request
      String user = result.getAuthenticatedUser();
      VerifiedCredentials.Membership membership = VerifiedCredentials.shared().membership(engine.getName(), user,
          () -> VerifiedCredentials.Membership.of(
              engine.getIdentityService().createGroupQuery().groupMember(user).list().stream().map(Group::getId)
                  .toList(),
              engine.getIdentityService().createTenantQuery().userMember(user).includingGroupsOfUser(true).list()
                  .stream().map(Tenant::getId).toList()));
      result.setGroups(membership.groups());
      result.setTenants(membership.tenants());
    }
    return result;
  }

  @Override
  protected boolean isAuthenticated(ProcessEngine engine, String userName, String password) {
    return VerifiedCredentials.shared().verify(engine.getName(), userName, password,
        () -> super.isAuthenticated(engine, userName, password));
  }
}
