package id.go.kerjasama.roles;

import id.go.kerjasama.platform.security.PasswordPolicyText;
import id.go.kerjasama.platform.identity.Groups;
import id.go.kerjasama.platform.identity.IdentityProperties;
import id.go.kerjasama.platform.identity.Organisations;
import id.go.kerjasama.platform.identity.Unit;
import id.go.kerjasama.platform.identity.UnitLevel;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.PasswordPolicyResult;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.IdentityServiceImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;

/**
 * Creates the groups of the reference data, their authorizations, the first
 * administrator and (demo profile) one demo user per group, for the
 * regencies/cities only a sample ({@code kerjasama.demo.regencies}).
 * Idempotent: run at every start, it only adds what is missing and renames
 * what changed.
 */
@Component
public class IdentitySeeder {

  private static final Logger LOG = LoggerFactory.getLogger(IdentitySeeder.class);
  /** Demo users exist only in this profile, never through a property. */
  public static final String DEMO_PROFILE = "demo";
  static final String STAFF_GROUP_TYPE = "WORKFLOW";
  static final String SYSTEM_GROUP_TYPE = "SYSTEM";
  /**
   * Technical group of the monitoring system's users: may read the metrics
   * ({@code kerjasama.security.metrics-groups}) and nothing else: no engine
   * authorizations, no webapp.
   */
  public static final String MONITORING_GROUP = "monitoring";

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
    long started = System.nanoTime();
    List<Unit> units = organisations.all();
    // one query for the existing groups, not one per group: there are ~580
    Map<String, Group> groups = new HashMap<>();
    identityService.createGroupQuery().list().forEach(g -> groups.put(g.getId(), g));
    for (Unit unit : units) {
      ensureGroup(groups.get(unit.group()), unit.group(), unit.name(), STAFF_GROUP_TYPE);
      if (unit.isRegion()) {
        // the region's TKKSD: its members are the region's staff too (their region group gives Tasklist and
        // visibility); the TKKSD group only receives the TKKSD's review tasks (docs/roles.md)
        String tkksd = Groups.tkksd(unit.group());
        ensureGroup(groups.get(tkksd), tkksd, tkksdName(unit), STAFF_GROUP_TYPE);
      }
    }
    roleAuthorizations.grant(units);
    ensureGroup(Groups.ADMIN, "Administrator Kerjasama", SYSTEM_GROUP_TYPE);
    roleAuthorizations.grantAdministrators();
    ensureGroup(MONITORING_GROUP, "Pemantauan sistem", SYSTEM_GROUP_TYPE);
    seedAdministrator();
    if (isDemo()) {
      seedDemoUsers();
    }
    LOG.info("Identity seeded from reference data {}: {} groups in {} ms", organisations.version(),
        organisations.all().size() + 2, (System.nanoTime() - started) / 1_000_000);
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
    User admin = identityService.newUser(userId);
    admin.setFirstName("Administrator");
    admin.setLastName("Kerjasama");
    // the demo profile's administrator shares the documented demo password; one from the environment
    // must pass the password policy, or the application does not start
    boolean demoPassword = isDemo() && password.equals(properties.demo().password());
    if (!demoPassword && identityService.getPasswordPolicy() != null) {
      PasswordPolicyResult result = identityService.checkPasswordAgainstPolicy(password, admin);
      if (!result.isValid()) {
        throw new IllegalStateException("KERJASAMA_ADMIN_PASSWORD (the first administrator's password) does not meet "
            + "the password policy: " + PasswordPolicyText.english(result) + ". Set a stronger one; see docs/security.md"
            + " \"Passwords\".");
      }
    }
    if (identityService.createUserQuery().userId(userId).count() == 0) {
      admin.setPassword(password);
      if (demoPassword) {
        saveSkippingPasswordPolicy(admin);
      } else {
        identityService.saveUser(admin);
      }
      LOG.info("Created the first administrator '{}'", userId);
    }
    ensureMembership(userId, Groups.ADMIN);
  }

  /**
   * Saves a demo user with the documented demo password, which the password
   * policy would refuse. Only the engine's implementation offers this
   * ({@code IdentityServiceImpl.saveUser(user, skipPasswordPolicy)}; the
   * public interface has no such method).
   */
  private void saveSkippingPasswordPolicy(User user) {
    if (identityService instanceof IdentityServiceImpl engine) {
      engine.saveUser(user, true);
    } else {
      identityService.saveUser(user);
    }
  }

  private boolean isDemo() {
    return environment.acceptsProfiles(Profiles.of(DEMO_PROFILE));
  }

  /**
   * The demo users of the groups that get one: every group but the
   * regencies/cities, of which only those in {@code kerjasama.demo.regencies}.
   */
  List<Unit> demoUnits() {
    for (String group : properties.demo().regencies()) {
      if (organisations.find(group).filter(u -> u.level() == UnitLevel.REGENCY).isEmpty()) {
        throw new IllegalStateException("kerjasama.demo.regencies names '" + group + "', which is no regency/city of "
            + Organisations.RESOURCE);
      }
    }
    return organisations.all().stream()
        .filter(u -> u.level() != UnitLevel.REGENCY || properties.demo().regencies().contains(u.group()))
        .toList();
  }

  private void seedDemoUsers() {
    String password = properties.demo().password();
    for (Unit unit : demoUnits()) {
      String userId = demoUserId(unit.group());
      if (identityService.createUserQuery().userId(userId).count() == 0) {
        User user = identityService.newUser(userId);
        user.setFirstName("Demo");
        user.setLastName(unit.name());
        user.setEmail(userId + "@kerjasama.example");
        user.setPassword(password);
        // the documented demo password, deliberately simple: not held to the password policy
        saveSkippingPasswordPolicy(user);
      }
      ensureMembership(userId, unit.group());
      if (unit.isRegion()) {
        // a member of the region's TKKSD, also staff of the region
        String tkksdUser = demoUserId(Groups.tkksd(unit.group()));
        if (identityService.createUserQuery().userId(tkksdUser).count() == 0) {
          User user = identityService.newUser(tkksdUser);
          user.setFirstName("Demo");
          user.setLastName(tkksdName(unit));
          user.setEmail(tkksdUser + "@kerjasama.example");
          user.setPassword(password);
          saveSkippingPasswordPolicy(user);
        }
        ensureMembership(tkksdUser, Groups.tkksd(unit.group()));
        ensureMembership(tkksdUser, unit.group());
      }
    }
    String monitoringUser = demoUserId(MONITORING_GROUP);
    if (identityService.createUserQuery().userId(monitoringUser).count() == 0) {
      User user = identityService.newUser(monitoringUser);
      user.setFirstName("Demo");
      user.setLastName("Pemantauan sistem");
      user.setPassword(password);
      saveSkippingPasswordPolicy(user);
    }
    ensureMembership(monitoringUser, MONITORING_GROUP);
  }

  /** The name of a region's TKKSD group, e.g. "TKKSD Provinsi Jawa Barat". */
  static String tkksdName(Unit unit) {
    return "TKKSD " + unit.name();
  }

  /** The demo user of a group: {@code demo-<group>}, e.g. {@code demo-province-32}. */
  public static String demoUserId(String group) {
    return "demo-" + group;
  }

  private void ensureGroup(String id, String name, String type) {
    ensureGroup(identityService.createGroupQuery().groupId(id).singleResult(), id, name, type);
  }

  private void ensureGroup(Group existing, String id, String name, String type) {
    Group group = existing;
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
