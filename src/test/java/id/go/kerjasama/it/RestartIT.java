package id.go.kerjasama.it;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.kerjasama.KerjasamaApplication;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A restart with nothing changed creates no new versions and no duplicate
 * groups, authorizations or filters: a second instance of the application
 * starts on the same PostgreSQL database as the running one.
 */
class RestartIT extends IntegrationTest {

  @Autowired
  RepositoryService repositoryService;
  @Autowired
  JdbcTemplate jdbc;

  @Test
  void aRestartWithNothingChangedCreatesNoNewVersions() {
    long deployments = repositoryService.createDeploymentQuery().count();
    long processes = repositoryService.createProcessDefinitionQuery().count();
    long forms = jdbc.queryForObject("SELECT COUNT(*) FROM ACT_RE_CAMFORMDEF", Long.class);
    long groups = jdbc.queryForObject("SELECT COUNT(*) FROM ACT_ID_GROUP", Long.class);
    long authorizations = jdbc.queryForObject("SELECT COUNT(*) FROM ACT_RU_AUTHORIZATION", Long.class);
    long filters = jdbc.queryForObject("SELECT COUNT(*) FROM ACT_RU_FILTER", Long.class);

    try (ConfigurableApplicationContext restarted = new SpringApplicationBuilder(KerjasamaApplication.class)
        .profiles("postgres")
        .properties("server.port=0", "camunda.bpm.process-engine-name=restarted",
            "camunda.bpm.job-execution.enabled=false", "kerjasama.web.precompress.enabled=false")
        .run()) {
      assertThat(restarted.isRunning()).isTrue();
    }

    assertThat(repositoryService.createDeploymentQuery().count()).isEqualTo(deployments);
    assertThat(repositoryService.createProcessDefinitionQuery().count()).isEqualTo(processes);
    assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey("cooperation-lifecycle")
        .latestVersion().singleResult().getResourceName()).isEqualTo("processes/cooperation-lifecycle.bpmn");
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ACT_RE_CAMFORMDEF", Long.class)).isEqualTo(forms);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ACT_ID_GROUP", Long.class)).isEqualTo(groups);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ACT_RU_AUTHORIZATION", Long.class)).isEqualTo(authorizations);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ACT_RU_FILTER", Long.class)).isEqualTo(filters);
  }
}
