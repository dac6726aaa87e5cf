package id.go.kerjasama.platform.security;

import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;

/**
 * Runs engine calls that the application makes on its own behalf (granting
 * visibility of a new instance, say) while a user's request is in progress,
 * without that user needing rights on authorizations.
 */
public final class SystemAccess {

  private SystemAccess() {
  }

  public static <T> T call(IdentityService identityService, Supplier<T> work) {
    Authentication current = identityService.getCurrentAuthentication();
    identityService.clearAuthentication();
    try {
      return work.get();
    } finally {
      if (current != null) {
        identityService.setAuthentication(current);
      }
    }
  }

  public static void run(IdentityService identityService, Runnable work) {
    call(identityService, () -> {
      work.run();
      return null;
    });
  }
}
