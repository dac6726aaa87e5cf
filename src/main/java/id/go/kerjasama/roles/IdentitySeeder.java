package id.go.kerjasama.roles;

import id.go.kerjasama.platform.identity.Groups;
import id.go.kerjasama.platform.identity.IdentityProperties;
import id.go.kerjasama.platform.identity.Organisations;
import id.go.kerjasama.platform.identity.Unit;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;

/**
 * Creates the groups of the reference data, their authorizations, the first
 * administrator and (demo profile) one demo user per group. Idempotent: run
 * at every start, it only adds what is missing and renames what changed.
 */
@Component
public class IdentitySeeder {

  private static final Logger LOG = LoggerFactory.getLogger(IdentitySeeder.class);
  /** Demo users exist only in this profile, never through a property. */
  public static final String DEMO_PROFILE = "demo";
  static final String STAFF_GROUP_TYPE = "WORKFLOW";
  static final String SYSTEM_GROUP_TYPE = "SYSTEM";

  private final IdentityService identityService;
  private final Organisations organisations;
  private final RoleAuthorizations roleAuthorizations;
  private final IdentityProperties properties;
  private final Environment environment;

  public IdentitySeeder(IdentityService identityService, Organisations organisations,
                        RoleAuthorizations roleAuthorizations, IdentityProperties properties,
                        Environment environment) {
    this.environment = environment;
    this.identityService = identityService;
    this.organisations = organisations;
    this.roleAuthorizations = roleAuthorizations;
    this.properties = properties;
  }

  public void seed() {
    for (Unit unit : organisations.all()) {
      ensureGroup(unit.group(), unit.name(), STAFF_GROUP_TYPE);
      roleAuthorizations.grant(unit);
    }
    ensureGroup(Groups.ADMIN, "Administrator Kerjasama", SYSTEM_GROUP_TYPE);
    roleAuthorizations.grantAdministrators();
    seedAdministrator();
    if (environment.acceptsProfiles(Profiles.of(DEMO_PROFILE))) {
      seedDemoUsers();
    }
    LOG.info("Identity seeded from reference data {}: {} groups", organisations.version(), organisations.all().size() + 1);
  }

  private void seedAdministrator() {
    String userId = properties.admin().userId();
    String password = properties.admin().password();
    if (password == null || password.isBlank()) {
      if (identityService.createUserQuery().memberOfGroup(Groups.ADMIN).count() == 0) {
        LOG.warn("No administrator exists and KERJASAMA_ADMIN_PASSWORD is not set: nobody can use Admin");
      }
      return;
    }
    if (identityService.createUserQuery().userId(userId).count() == 0) {
      User admin = identityService.newUser(userId);
      admin.setFirstName("Administrator");
      admin.setLastName("Kerjasama");
      admin.setPassword(password);
      identityService.saveUser(admin);
      LOG.info("Created the first administrator '{}'", userId);
    }
    ensureMembership(userId, Groups.ADMIN);
  }

  private void seedDemoUsers() {
    String password = properties.demo().password();
    for (Unit unit : organisations.all()) {
      String userId = demoUserId(unit.group());
      if (identityService.createUserQuery().userId(userId).count() == 0) {
        User user = identityService.newUser(userId);
        user.setFirstName("Demo");
        user.setLastName(unit.name());
        user.setEmail(userId + "@kerjasama.example");
        user.setPassword(password);
        identityService.saveUser(user);
      }
      ensureMembership(userId, unit.group());
    }
  }

  /** The demo user of a group: {@code demo-<group>}, e.g. {@code demo-province-32}. */
  public static String demoUserId(String group) {
    return "demo-" + group;
  }

  private void ensureGroup(String id, String name, String type) {
    Group group = identityService.createGroupQuery().groupId(id).singleResult();
    if (group == null) {
      group = identityService.newGroup(id);
    } else if (name.equals(group.getName()) && type.equals(group.getType())) {
      return;
    }
    group.setName(name);
    group.setType(type);
    identityService.saveGroup(group);
  }

  private void ensureMembership(String userId, String groupId) {
    if (identityService.createUserQuery().userId(userId).memberOfGroup(groupId).count() == 0) {
      identityService.createMembership(userId, groupId);
    }
  }
}
