package id.go.kerjasama.it;

import id.go.kerjasama.KerjasamaApplication;
import java.util.ArrayList;
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
    return start(url, "--kerjasama.mail.enabled=false");
  }

  /** With more arguments, e.g. mail on and pointed at a test's SMTP server, or the engine's host name. */
  static ConfigurableApplicationContext start(String url, String... more) {
    return start(url, true, more);
  }

  /**
   * {@code uniqueEngineName} false: the engine is named "default", as in production, so that the node's
   * {@code /api} works (its REST authentication asks for that engine); only for the one such node of a JVM
   * without the integration tests' shared application.
   */
  static ConfigurableApplicationContext start(String url, boolean uniqueEngineName, String... more) {
    List<String> args = new ArrayList<>(List.of(
        "--server.port=0",
        "--spring.datasource.url=" + url,
        "--spring.datasource.username=postgres",
        "--spring.datasource.password=postgres",
        "--kerjasama.admin.password=" + IntegrationTest.ADMIN_PASSWORD,
        "--camunda.bpm.generate-unique-process-engine-name=" + uniqueEngineName,
        // no node test reads the webapps' files (SlowLinkIT measures them): spares 50 s of one core per node
        "--kerjasama.web.precompress.enabled=false"));
    args.addAll(List.of(more));
    return new SpringApplicationBuilder(KerjasamaApplication.class).profiles("postgres").run(args.toArray(String[]::new));
  }

  /** Mail on, to the SMTP server on {@code smtpPort} of this host; the engine's job log names the node {@code name}. */
  static ConfigurableApplicationContext startWithMail(String url, String name, int smtpPort) {
    return startWithMail(url, name, smtpPort, true);
  }

  static ConfigurableApplicationContext startWithMail(String url, String name, int smtpPort, boolean uniqueEngineName) {
    return start(url, uniqueEngineName, "--kerjasama.mail.enabled=true", "--spring.mail.host=127.0.0.1",
        "--spring.mail.port=" + smtpPort, "--camunda.bpm.generic-properties.properties.hostname=" + name);
  }
}
