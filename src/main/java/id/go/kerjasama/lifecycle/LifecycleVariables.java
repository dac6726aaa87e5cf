package id.go.kerjasama.lifecycle;

import id.go.kerjasama.platform.security.ProtectedVariables;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The lifecycle's identity and routing variables: set by the application
 * only, never by a user's form, REST call or message
 * (platform/security/EngineSecurityInterceptor refuses them).
 */
@Component
class LifecycleVariables implements ProtectedVariables {

  private static final Set<String> NAMES = Set.of(
      LifecycleProcess.AGREEMENT_ID, LifecycleProcess.REGISTRATION_NUMBER, LifecycleProcess.PROPOSER_GROUP,
      LifecycleProcess.PROVINCE_GROUP, LifecycleProcess.PARTNER_MINISTRY_GROUP, LifecycleProcess.PROPOSER_LEVEL,
      LifecycleProcess.APPROVAL_OUTCOME, LifecycleProcess.RENEWAL_OUTCOME, LifecycleProcess.TERM,
      LifecycleProcess.CYCLE_YEAR, LifecycleProcess.EVALUATION_KIND, LifecycleProcess.CYCLE_PHASE,
      LifecycleProcess.RENEWAL_RUNNING, LifecycleProcess.CLOSING_STATUS, LifecycleProcess.CLOSING_REASON);

  @Override
  public Set<String> names() {
    return NAMES;
  }
}
