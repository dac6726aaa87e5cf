package id.go.kerjasama.platform.identity;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;

/**
 * The user the engine acts for: whoever completes the task or calls the API
 * (the identity service's current authentication). Nobody when the engine
 * acts on its own (timers, asynchronous jobs).
 */
public final class CurrentUser {

  private CurrentUser() {
  }

  /** The user's id, or {@code null} for the engine itself. */
  public static String id(IdentityService identityService) {
    Authentication user = identityService.getCurrentAuthentication();
    return user == null ? null : user.getUserId();
  }
}
