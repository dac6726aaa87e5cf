package id.go.kerjasama.platform;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/** The postgres profile refuses to start without a PostgreSQL URL and an administrator password. */
class ProductionSettingsCheckTest {

  final ProductionSettingsCheck check = new ProductionSettingsCheck();

  @Test
  void refusesWithoutAdministratorPasswordAndDatabase() {
    MockEnvironment env = new MockEnvironment();
    env.setActiveProfiles("postgres");
    env.setProperty("spring.datasource.url", "jdbc:h2:file:./data/kerjasama");
    assertThatThrownBy(() -> check.postProcessEnvironment(env, null))
        .hasMessageContaining("KERJASAMA_ADMIN_PASSWORD must be set")
        .hasMessageContaining("SPRING_DATASOURCE_URL must be a PostgreSQL JDBC URL");
  }

  @Test
  void refusesDemoUsersInProduction() {
    MockEnvironment env = production();
    env.setActiveProfiles("postgres", "demo");
    assertThatThrownBy(() -> check.postProcessEnvironment(env, null)).hasMessageContaining("demo profile");
  }

  @Test
  void startsWhenConfigured() {
    assertThatCode(() -> check.postProcessEnvironment(production(), null)).doesNotThrowAnyException();
  }

  @Test
  void theDefaultProfileNeedsNothing() {
    assertThatCode(() -> check.postProcessEnvironment(new MockEnvironment(), null)).doesNotThrowAnyException();
  }

  private static MockEnvironment production() {
    MockEnvironment env = new MockEnvironment();
    env.setActiveProfiles("postgres");
    env.setProperty("spring.datasource.url", "jdbc:postgresql://db:5432/kerjasama");
    env.setProperty("kerjasama.admin.password", "s3cret");
    return env;
  }
}
