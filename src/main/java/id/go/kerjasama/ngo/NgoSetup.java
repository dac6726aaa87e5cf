package id.go.kerjasama.ngo;


import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.IdentityServiceImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;

/**
 * At every start (operations/StartupSetup, after the identity seeding):
 * the grants of every registered NGO's group,
 * and in the demo profile the demo NGO {@value #DEMO_GROUP} with its user
 * {@code demo-ngo-demo}. Idempotent.
 */
@Component
public class NgoSetup {

  private static final Logger LOG = LoggerFactory.getLogger(NgoSetup.class);
  static final String DEMO_GROUP = "ngo-demo";
  static final String DEMO_PROFILE = "demo";

  private final NgoRegistry registry;
  private final NgoProperties properties;
  private final IdentityService identityService;
  private final Environment environment;
  private final String demoPassword;

  NgoSetup(NgoRegistry registry, NgoProperties properties, IdentityService identityService,
           Environment environment,
           @Value("${kerjasama.demo.password:demo}") String demoPassword) {
    this.registry = registry;
    this.properties = properties;
    this.identityService = identityService;
    this.environment = environment;
    this.demoPassword = demoPassword;
  }

  public void ensure() {
    registry.all().forEach(ngo -> registry.grantNgo(ngo.groupId()));
    if (environment.acceptsProfiles(Profiles.of(DEMO_PROFILE))) {
      seedDemo();
    }
  }

  private void seedDemo() {
    if (registry.findByGroup(DEMO_GROUP).isEmpty()) {
      registry.register(NewNgo.read(Map.of("code", "demo", "name", "Demo International Relief",
          "country", "Belanda", "legalDocuments", "Akta pendirian (Stichting) No. 12/2009, Amsterdam",
          "contactName", "Anna de Vries", "contactEmail", "anna@demo-relief.example",
          "localOffice", "Jl. Kemang Raya No. 10, Jakarta Selatan")), null);
      LOG.info("Created the demo NGO {}", DEMO_GROUP);
    }
    String userId = "demo-" + DEMO_GROUP;
    if (identityService.createUserQuery().userId(userId).count() == 0) {
      User user = identityService.newUser(userId);
      user.setFirstName("Demo");
      user.setLastName("Demo International Relief");
      user.setEmail(userId + "@kerjasama.example");
      user.setPassword(demoPassword);
      // the documented demo password, like every other demo user (docs/roles.md "Users")
      if (identityService instanceof IdentityServiceImpl engine) {
        engine.saveUser(user, true);
      } else {
        identityService.saveUser(user);
      }
    }
    if (identityService.createUserQuery().userId(userId).memberOfGroup(DEMO_GROUP).count() == 0) {
      identityService.createMembership(userId, DEMO_GROUP);
    }
  }
}
