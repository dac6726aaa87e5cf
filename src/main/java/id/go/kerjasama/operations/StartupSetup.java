package id.go.kerjasama.operations;

import id.go.kerjasama.ngo.NgoSetup;
import id.go.kerjasama.platform.deployment.ModelDeployer;
import id.go.kerjasama.roles.RoleAuthorizations;
import id.go.kerjasama.platform.tasklist.TasklistFilters;
import id.go.kerjasama.registry.CardVariablesBackfill;
import id.go.kerjasama.roles.IdentitySeeder;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * At every start, in this order: deploy changed diagrams and forms, seed
 * groups, authorizations and (demo) users, the NGOs' grants (and the demo
 * NGO), take write rights older versions
 * granted from non-administrators, ensure the Tasklist filters and give
 * the task cards of instances started before the card variables their number,
 * title and proposer.
 * Each step is idempotent.
 */
@Component
class StartupSetup {

  private final ModelDeployer modelDeployer;
  private final IdentitySeeder identitySeeder;
  private final TasklistFilters tasklistFilters;
  private final RoleAuthorizations roleAuthorizations;
  private final NgoSetup ngoSetup;
  private final CardVariablesBackfill cardVariablesBackfill;

  public StartupSetup(ModelDeployer modelDeployer, IdentitySeeder identitySeeder, TasklistFilters tasklistFilters,
                      RoleAuthorizations roleAuthorizations, NgoSetup ngoSetup,
                      CardVariablesBackfill cardVariablesBackfill) {
    this.ngoSetup = ngoSetup;
    this.cardVariablesBackfill = cardVariablesBackfill;
    this.modelDeployer = modelDeployer;
    this.identitySeeder = identitySeeder;
    this.tasklistFilters = tasklistFilters;
    this.roleAuthorizations = roleAuthorizations;
  }

  @EventListener(ApplicationReadyEvent.class)
  public void onReady() {
    modelDeployer.deploy();
    identitySeeder.seed();
    ngoSetup.ensure();
    roleAuthorizations.revokeWritesOfNonAdministrators();
    tasklistFilters.ensure();
    cardVariablesBackfill.runOnce();
  }
}
