package id.go.kerjasama.approval;

import id.go.kerjasama.platform.identity.CurrentUser;
import id.go.kerjasama.registry.ProcessVariables;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/** Who is completing the current task, and the agreement the execution belongs to. */
@Component
class Actor {

  private final IdentityService identityService;

  Actor(@Lazy IdentityService identityService) {
    this.identityService = identityService;
  }

  /** The user id of the person completing the task, or {@code null} for the engine itself (timers). */
  String userId() {
    return CurrentUser.id(identityService);
  }

  static long agreementId(DelegateExecution execution) {
    return ProcessVariables.agreementId(execution);
  }

  /** A variable as trimmed text, {@code null} if absent or blank. */
  static String text(DelegateExecution execution, String name) {
    Object value = execution.getVariable(name);
    String s = value == null ? null : value.toString().trim();
    return s == null || s.isEmpty() ? null : s;
  }
}
