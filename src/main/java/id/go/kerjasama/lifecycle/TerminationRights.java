package id.go.kerjasama.lifecycle;

import static org.camunda.bpm.engine.authorization.Permissions.READ;
import static org.camunda.bpm.engine.authorization.Permissions.UPDATE;

import id.go.kerjasama.platform.identity.Groups;
import id.go.kerjasama.platform.security.AuthorizationGrants;
import id.go.kerjasama.platform.security.SystemAccess;
import id.go.kerjasama.registry.Agreement;
import id.go.kerjasama.registry.CooperationType;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Resources;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Who may send a termination message to an agreement's lifecycle instance
 * (correlating a message needs UPDATE on the instance): Fasker for every
 * agreement (UPDATE_INSTANCE on the lifecycle definition, RoleAuthorizations),
 * and the TPOA coordinator for the foreign-NGO agreements, granted here per
 * instance. Regions and ministries get no UPDATE: it would also let them
 * change their own instance. They ask Fasker (docs/processes.md "Termination").
 */
@Component
public class TerminationRights {

  private final IdentityService identityService;
  private final AuthorizationService authorizationService;

  public TerminationRights(@Lazy IdentityService identityService, @Lazy AuthorizationService authorizationService) {
    this.identityService = identityService;
    this.authorizationService = authorizationService;
  }

  /** Called once, when the lifecycle instance of {@code agreement} starts. */
  public void grant(Agreement agreement, String lifecycleInstanceId) {
    if (agreement.type() != CooperationType.ORMAS_ASING) {
      return;
    }
    SystemAccess.run(identityService, () -> new AuthorizationGrants(authorizationService)
        .grantGroup(Groups.TPOA_COORDINATOR, Resources.PROCESS_INSTANCE, lifecycleInstanceId, READ, UPDATE));
  }
}
