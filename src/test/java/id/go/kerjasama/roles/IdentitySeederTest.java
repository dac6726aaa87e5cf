package id.go.kerjasama.roles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.go.kerjasama.ProcessTest;
import id.go.kerjasama.platform.identity.IdentityProperties;
import id.go.kerjasama.platform.identity.Organisations;
import id.go.kerjasama.platform.identity.Unit;
import id.go.kerjasama.platform.identity.UnitLevel;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.env.MockEnvironment;

/** The groups of the reference data, idempotent seeding, no demo users outside the demo profile. */
@ProcessTest
class IdentitySeederTest {

  @Autowired
  IdentitySeeder seeder;
  @Autowired
  IdentityService identityService;
  @Autowired
  AuthorizationService authorizationService;
  @Autowired
  Organisations organisations;
  @Autowired
  RoleAuthorizations roleAuthorizations;

  @Test
  void allThirtyEightProvincesAndEveryRoleAreGroups() {
    assertThat(identityService.createGroupQuery().groupIdIn(
        organisations.byLevel(UnitLevel.PROVINCE).stream().map(Unit::group).toArray(String[]::new)).count())
        .isEqualTo(38);
    assertThat(identityService.createGroupQuery().groupId("province-32").singleResult().getName())
        .isEqualTo("Provinsi Jawa Barat");
    assertThat(identityService.createGroupQuery().groupId("province-96").singleResult().getName())
        .isEqualTo("Provinsi Papua Barat Daya");
    for (String group : new String[] {"fasker", "supervisor", "camunda-admin", "ministry-kemendagri", "ministry-kemensos",
        "ministry-kemlu", "tpoa-kemlu", "tpoa-kemhan", "tpoa-kemendagri", "tpoa-kemenkeu", "tpoa-kemensetneg",
        "tpoa-polri", "tpoa-teknis", "regency-3273"}) {
      assertThat(identityService.createGroupQuery().groupId(group).count()).as(group).isEqualTo(1);
    }
    assertThat(organisations.find("regency-3273").orElseThrow().provinceGroup()).isEqualTo("province-32");
    // every province and regency/city has its own TKKSD group
    assertThat(identityService.createGroupQuery().groupIdIn(organisations.all().stream().filter(Unit::isRegion)
        .map(u -> "tkksd-" + u.group()).toArray(String[]::new)).count()).isEqualTo(38 + 514);
    assertThat(identityService.createGroupQuery().groupId("tkksd-regency-3273").singleResult().getName())
        .isEqualTo("TKKSD Kota Bandung");
  }

  @Test
  void seedingTwiceChangesNothing() {
    long groups = identityService.createGroupQuery().count();
    long authorizations = authorizationService.createAuthorizationQuery().count();
    long users = identityService.createUserQuery().count();
    seeder.seed();
    assertThat(identityService.createGroupQuery().count()).isEqualTo(groups);
    assertThat(authorizationService.createAuthorizationQuery().count()).isEqualTo(authorizations);
    assertThat(identityService.createUserQuery().count()).isEqualTo(users);
  }

  @Test
  void outsideTheDemoProfileThereAreNoDemoUsersButTheFirstAdministrator() {
    assertThat(identityService.createUserQuery().list()).noneMatch(u -> u.getId().startsWith("demo-"));
    assertThat(identityService.createUserQuery().userId("admin").memberOfGroup("camunda-admin").count()).isEqualTo(1);
    assertThat(identityService.checkPassword("admin", "Pengelola-Uji-2026!")).isTrue();
  }

  @Test
  void staffGroupsUseTasklistSupervisorsUseCockpitOnlyAdministratorsUseAdmin() {
    assertThat(granted("province-32", "tasklist")).isTrue();
    assertThat(granted("province-32", "cockpit")).isFalse();
    assertThat(granted("supervisor", "cockpit")).isTrue();
    assertThat(granted("supervisor", "admin")).isFalse();
    assertThat(granted("fasker", "admin")).isFalse();
    assertThat(authorizationService.isUserAuthorized("admin", java.util.List.of("camunda-admin"), Permissions.ACCESS,
        Resources.APPLICATION, "admin")).isTrue();
  }

  @Test
  void anAdministratorPasswordBelowThePolicyStopsTheStart() {
    IdentitySeeder weak = new IdentitySeeder(identityService, organisations, roleAuthorizations,
        new IdentityProperties(new IdentityProperties.Admin("admin-weak", "rahasia"), null), new MockEnvironment());
    assertThatThrownBy(weak::seed).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("KERJASAMA_ADMIN_PASSWORD").hasMessageContaining("at least 10 characters")
        .hasMessageContaining("upper-case");
    assertThat(identityService.createUserQuery().userId("admin-weak").count()).isZero();
    // the user's data counts too: the administrator's names are "Administrator Kerjasama"
    IdentitySeeder named = new IdentitySeeder(identityService, organisations, roleAuthorizations,
        new IdentityProperties(new IdentityProperties.Admin("admin-named", "Kerjasama-2026!"), null),
        new MockEnvironment());
    assertThatThrownBy(named::seed).hasMessageContaining("must not contain the user id, first name");
  }

  @Test
  void aDemoSampleNamingNoRegencyStopsTheStart() {
    MockEnvironment demo = new MockEnvironment();
    demo.setActiveProfiles(IdentitySeeder.DEMO_PROFILE);
    IdentitySeeder typo = new IdentitySeeder(identityService, organisations, roleAuthorizations,
        new IdentityProperties(null, new IdentityProperties.Demo("demo", java.util.List.of("regency-3273", "province-32"))),
        demo);
    assertThatThrownBy(typo::seed).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("kerjasama.demo.regencies names 'province-32'");
    assertThat(identityService.createUserQuery().list()).noneMatch(u -> u.getId().startsWith("demo-"));
  }

  @Test
  void theMonitoringGroupHasNoPermissions() {
    assertThat(identityService.createGroupQuery().groupId(IdentitySeeder.MONITORING_GROUP).singleResult().getName())
        .isEqualTo("Pemantauan sistem");
    for (String application : new String[] {"tasklist", "cockpit", "admin", "welcome"}) {
      assertThat(granted(IdentitySeeder.MONITORING_GROUP, application)).as(application).isFalse();
    }
    assertThat(authorizationService.createAuthorizationQuery().groupIdIn(IdentitySeeder.MONITORING_GROUP)
        .list()).allMatch(a -> a.getResourceType() == Resources.GROUP.resourceType());
  }

  private boolean granted(String group, String application) {
    return authorizationService.isUserAuthorized("someone", java.util.List.of(group), Permissions.ACCESS,
        Resources.APPLICATION, application);
  }
}
