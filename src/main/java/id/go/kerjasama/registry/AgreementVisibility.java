package id.go.kerjasama.registry;

import static org.camunda.bpm.engine.authorization.Permissions.READ;

import id.go.kerjasama.platform.engine.ProcessStartListener;
import id.go.kerjasama.platform.security.AuthorizationGrants;
import id.go.kerjasama.platform.security.SystemAccess;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * A province sees only its own cooperation: every process instance of an
 * agreement (the lifecycle and each phase it calls) is readable by the
 * groups involved in it (proposer, its province, partner ministry, location
 * provinces); central roles read everything through their role grants.
 */
@Component
public class AgreementVisibility implements ProcessStartListener {

  private final AgreementService agreementService;
  private final IdentityService identityService;
  private final AuthorizationService authorizationService;

  public AgreementVisibility(AgreementService agreementService, @Lazy IdentityService identityService,
                             @Lazy AuthorizationService authorizationService) {
    this.agreementService = agreementService;
    this.identityService = identityService;
    this.authorizationService = authorizationService;
  }

  public void grant(Agreement agreement, String processInstanceId) {
    SystemAccess.run(identityService, () -> new AuthorizationGrants(authorizationService)
        .grantGroups(agreement.involvedGroups(), Resources.PROCESS_INSTANCE, processInstanceId, READ));
  }

  /** Each phase instance inherits the agreement's visibility when it starts. */
  @Override
  public void notify(DelegateExecution execution) {
    Object id = execution.getVariable(ProcessVariables.AGREEMENT_ID);
    if (id instanceof Number agreementId) {
      // the instance is starting: nothing can be granted on it yet, so nothing is read (and inside a batch,
      // the legacy import's, the grants are written with the batch's)
      Agreement agreement = agreementService.get(agreementId.longValue());
      SystemAccess.run(identityService, () -> new AuthorizationGrants(authorizationService).grantGroupsOnNewResource(
          agreement.involvedGroups(), Resources.PROCESS_INSTANCE, execution.getProcessInstanceId(), READ));
    }
  }
}
