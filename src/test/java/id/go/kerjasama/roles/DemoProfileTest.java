package id.go.kerjasama.roles;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.kerjasama.platform.identity.Organisations;
import id.go.kerjasama.platform.identity.Unit;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** The demo profile: one user per seeded group, all 38 provinces included, one password. */
@SpringBootTest(properties = {"spring.datasource.url=jdbc:h2:mem:kerjasama-demo;DB_CLOSE_DELAY=-1",
    "kerjasama.demo.password=demo-pass"})
@ActiveProfiles({"test", "demo"})
class DemoProfileTest {

  @Autowired
  IdentityService identityService;
  @Autowired
  Organisations organisations;

  @Test
  void everyGroupHasADemoUserWithTheDemoPassword() {
    for (Unit unit : organisations.all()) {
      String user = IdentitySeeder.demoUserId(unit.group());
      assertThat(identityService.createUserQuery().userId(user).memberOfGroup(unit.group()).count())
          .as(user).isEqualTo(1);
    }
    assertThat(identityService.createUserQuery().memberOfGroup("province-11").count()).isEqualTo(1);
    assertThat(identityService.checkPassword("demo-province-96", "demo-pass")).isTrue();
    assertThat(identityService.checkPassword("demo-fasker", "demo-pass")).isTrue();
    // the administrator gets the demo password when KERJASAMA_ADMIN_PASSWORD is not set
    assertThat(identityService.checkPassword("admin", "demo-pass")).isTrue();
    // the documented demo password is exempt from the password policy, which it does not meet
    assertThat(identityService.checkPasswordAgainstPolicy("demo-pass").isValid()).isFalse();
    // the metrics reader of the demo
    assertThat(identityService.createUserQuery().userId("demo-monitoring").memberOfGroup(IdentitySeeder.MONITORING_GROUP)
        .count()).isEqualTo(1);
    assertThat(identityService.checkPassword("demo-monitoring", "demo-pass")).isTrue();
  }
}
