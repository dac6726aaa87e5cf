package id.go.kerjasama.lifecycle;

import id.go.kerjasama.platform.security.ProtectedVariables;
import id.go.kerjasama.registry.ProcessVariables;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The identity and routing variables every phase receives (registry's
 * ProcessVariables) and the lifecycle's outcomes: set by the application
 * only, never by a user's form, REST call or message
 * (platform/security/EngineSecurityInterceptor refuses them).
 */
@Component
class LifecycleVariables implements ProtectedVariables {

  private static final Set<String> NAMES = Set.of(
      ProcessVariables.AGREEMENT_ID, ProcessVariables.REGISTRATION_NUMBER, ProcessVariables.COOPERATION_TITLE,
      ProcessVariables.PROPOSER_NAME, ProcessVariables.PROPOSER_GROUP,
      ProcessVariables.PROVINCE_GROUP, ProcessVariables.PARTNER_MINISTRY_GROUP, ProcessVariables.PROPOSER_LEVEL,
      ProcessVariables.PARTNER_REGION_GROUP,
      LifecycleProcess.APPROVAL_OUTCOME, LifecycleProcess.RENEWAL_OUTCOME,
      LifecycleProcess.EXTENSION_APPROVAL_OUTCOME, ProcessVariables.TERM,
      ProcessVariables.CYCLE_YEAR, ProcessVariables.EVALUATION_KIND, LifecycleProcess.CYCLE_PHASE,
      LifecycleProcess.RENEWAL_RUNNING, LifecycleProcess.CLOSING_STATUS, LifecycleProcess.CLOSING_REASON);

  @Override
  public Set<String> names() {
    return NAMES;
  }
}
