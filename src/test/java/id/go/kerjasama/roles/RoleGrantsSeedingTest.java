package id.go.kerjasama.roles;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.kerjasama.ProcessTest;
import id.go.kerjasama.lifecycle.LifecycleProcess;
import id.go.kerjasama.platform.identity.Organisations;
import id.go.kerjasama.platform.identity.Unit;
import id.go.kerjasama.platform.security.AuthorizationGrants;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Seeding ~580 groups reads the existing grants once per kind
 * ({@code RoleAuthorizations.grant(Collection)}) instead of once per group and
 * grant: the grants are the same as granting unit by unit, created from
 * nothing or completed.
 */
@ProcessTest
class RoleGrantsSeedingTest {

  /** The resource ids of role grants; per-instance and per-task grants have others and stay untouched. */
  static final Set<String> ROLE_RESOURCE_IDS = Set.of("*", "tasklist", "cockpit", LifecycleProcess.PROCESS_KEY);

  @Autowired
  AuthorizationService authorizationService;
  @Autowired
  RoleAuthorizations roleAuthorizations;
  @Autowired
  Organisations organisations;

  @Test
  void grantingAllAtOnceGrantsWhatGrantingOneByOneGrants() {
    List<Unit> units = List.of("fasker", "supervisor", "ministry-kemensos", "ministry-kemendagri", "tpoa-kemlu",
        "province-32", "province-96", "regency-3273", "regency-9671").stream()
        .map(g -> organisations.find(g).orElseThrow()).toList();
    Set<String> seeded = roleGrants(units);
    assertThat(seeded).anyMatch(g -> g.startsWith("regency-9671 ")).anyMatch(g -> g.startsWith("fasker "));
    try {
      delete(units);
      units.forEach(roleAuthorizations::grant);
      Set<String> oneByOne = roleGrants(units);
      assertThat(oneByOne).isEqualTo(seeded);

      delete(units);
      roleAuthorizations.grant(units);
      assertThat(roleGrants(units)).isEqualTo(oneByOne);

      // idempotent, and completing: a grant missing a permission gets it back
      Authorization province = authorizationService.createAuthorizationQuery().groupIdIn("province-96")
          .resourceType(Resources.PROCESS_DEFINITION)
          .resourceId(LifecycleProcess.PROCESS_KEY).singleResult();
      province.removePermission(ProcessDefinitionPermissions.CREATE_INSTANCE);
      authorizationService.saveAuthorization(province);
      long count = authorizationService.createAuthorizationQuery().count();
      roleAuthorizations.grant(units);
      assertThat(authorizationService.createAuthorizationQuery().count()).isEqualTo(count);
      assertThat(roleGrants(units)).isEqualTo(oneByOne);
    } finally {
      roleAuthorizations.grant(units);
    }
  }

  /** "group type resource id permissions" of the role grants of {@code units}. */
  private Set<String> roleGrants(List<Unit> units) {
    Set<String> grants = new TreeSet<>();
    for (Authorization a : authorizationService.createAuthorizationQuery()
        .groupIdIn(units.stream().map(Unit::group).toArray(String[]::new)).list()) {
      if (ROLE_RESOURCE_IDS.contains(a.getResourceId())) {
        grants.add(a.getGroupId() + " " + a.getAuthorizationType() + " " + a.getResourceType() + " "
            + a.getResourceId() + " " + ((AuthorizationEntity) a).getPermissions());
      }
    }
    return grants;
  }

  private void delete(List<Unit> units) {
    authorizationService.createAuthorizationQuery()
        .groupIdIn(units.stream().map(Unit::group).toArray(String[]::new)).list().stream()
        .filter(a -> ROLE_RESOURCE_IDS.contains(a.getResourceId()))
        .forEach(a -> authorizationService.deleteAuthorization(a.getId()));
  }
}
