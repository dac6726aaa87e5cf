package id.go.kerjasama.roles;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.kerjasama.platform.identity.Organisations;
import id.go.kerjasama.platform.identity.Unit;
import id.go.kerjasama.platform.identity.UnitLevel;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The demo profile: one user per seeded group, all 38 provinces included, but
 * only the sample of regencies/cities of {@code kerjasama.demo.regencies};
 * one password.
 */
@SpringBootTest(properties = {"spring.datasource.url=jdbc:h2:mem:kerjasama-demo;DB_CLOSE_DELAY=-1",
    "kerjasama.demo.password=demo-pass"})
@ActiveProfiles({"test", "demo"})
class DemoProfileTest {

  @Autowired
  IdentityService identityService;
  @Autowired
  Organisations organisations;

  /** kerjasama.demo.regencies (application.yaml), documented in README.md and docs/roles.md. */
  static final List<String> SAMPLE = List.of("regency-1171", "regency-3171", "regency-3204", "regency-3273",
      "regency-3374", "regency-3471", "regency-3578", "regency-5171", "regency-6471", "regency-7371");

  @Test
  void everyGroupButMostRegenciesHasADemoUserWithTheDemoPassword() {
    for (Unit unit : organisations.all()) {
      String user = IdentitySeeder.demoUserId(unit.group());
      boolean demo = unit.level() != UnitLevel.REGENCY || SAMPLE.contains(unit.group());
      assertThat(identityService.createUserQuery().userId(user).memberOfGroup(unit.group()).count())
          .as(user).isEqualTo(demo ? 1 : 0);
    }
    // central, ministries, TPOA seats, provinces, the sample, the metrics reader, the administrator and the demo NGO,
    // and a TKKSD member of each province and of each regency/city of the sample
    int provinces = organisations.byLevel(UnitLevel.PROVINCE).size();
    assertThat(identityService.createUserQuery().count()).isEqualTo(
        organisations.all().size() - organisations.byLevel(UnitLevel.REGENCY).size() + SAMPLE.size() + 3
            + provinces + SAMPLE.size());
    assertThat(identityService.checkPassword("demo-regency-3273", "demo-pass")).isTrue();
    assertThat(identityService.createUserQuery().userId("demo-regency-9671").count()).isZero();
    // the province's officer and its TKKSD member, who is staff of the province too
    assertThat(identityService.createUserQuery().memberOfGroup("province-11").list()).extracting(u -> u.getId())
        .containsExactlyInAnyOrder("demo-province-11", "demo-tkksd-province-11");
    assertThat(identityService.createUserQuery().memberOfGroup("tkksd-province-11").list()).extracting(u -> u.getId())
        .containsExactly("demo-tkksd-province-11");
    assertThat(identityService.checkPassword("demo-tkksd-regency-3273", "demo-pass")).isTrue();
    assertThat(identityService.createUserQuery().userId("demo-tkksd-regency-9671").count()).isZero();
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
    // the demo foreign NGO: its group of type NGO and its one user
    assertThat(identityService.createGroupQuery().groupId("ngo-demo").groupType("NGO").count()).isEqualTo(1);
    assertThat(identityService.createUserQuery().memberOfGroup("ngo-demo").list()).extracting(u -> u.getId())
        .containsExactly("demo-ngo-demo");
    assertThat(identityService.checkPassword("demo-ngo-demo", "demo-pass")).isTrue();
  }
}
