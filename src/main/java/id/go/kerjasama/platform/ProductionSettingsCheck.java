package id.go.kerjasama.platform;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Refuses to start the {@code postgres} (production) profile without a
 * PostgreSQL URL and without the first administrator's password, before
 * anything touches the database, with a message that says what to set.
 */
public class ProductionSettingsCheck implements EnvironmentPostProcessor {

  static final String PROFILE = "postgres";

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
    if (!Arrays.asList(environment.getActiveProfiles()).contains(PROFILE)) {
      return;
    }
    List<String> problems = new ArrayList<>();
    String url = environment.getProperty("spring.datasource.url", "");
    if (!url.startsWith("jdbc:postgresql:")) {
      problems.add("SPRING_DATASOURCE_URL must be a PostgreSQL JDBC URL (jdbc:postgresql://host:5432/kerjasama), got '"
          + url + "'");
    }
    String password = environment.getProperty("kerjasama.admin.password", "");
    if (password.isBlank()) {
      problems.add("KERJASAMA_ADMIN_PASSWORD must be set: it is the first administrator's password");
    }
    if (Arrays.asList(environment.getActiveProfiles()).contains("demo")) {
      problems.add("the demo profile (demo users with a shared password) must not run with the postgres profile");
    }
    if (!problems.isEmpty()) {
      throw new IllegalStateException("Kerjasama refuses to start with the postgres profile: "
          + String.join("; ", problems) + ". See docs/operations.md.");
    }
  }
}
