package id.go.kerjasama.it;

import id.go.kerjasama.KerjasamaApplication;
import java.util.List;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * One more whole application (a "node") in the test JVM, on the database at {@code url}, as production
 * runs it (profile postgres). Its engine gets a name of its own, because the engine named "default" and
 * the webapps' registries are static in the JVM; such tests run in failsafe's execution "isolated".
 */
final class ApplicationNode {

  private ApplicationNode() {
  }

  static ConfigurableApplicationContext start(String url) {
    return new SpringApplicationBuilder(KerjasamaApplication.class).profiles("postgres").run(List.of(
        "--server.port=0",
        "--spring.datasource.url=" + url,
        "--spring.datasource.username=postgres",
        "--spring.datasource.password=postgres",
        "--kerjasama.admin.password=" + IntegrationTest.ADMIN_PASSWORD,
        "--camunda.bpm.generate-unique-process-engine-name=true",
        "--kerjasama.mail.enabled=false").toArray(String[]::new));
  }
}
