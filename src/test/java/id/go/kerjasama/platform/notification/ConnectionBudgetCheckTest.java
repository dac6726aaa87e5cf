package id.go.kerjasama.platform.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import id.go.kerjasama.platform.notification.ConnectionBudgetCheck.Verdict;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/** The job executor must leave connections to web requests (issue 14). */
class ConnectionBudgetCheckTest {

  @Test
  void jobThreadsAsManyAsConnectionsStarveThePool() {
    assertThat(ConnectionBudgetCheck.verdict(10, 10, 5)).isEqualTo(Verdict.STARVES);
    assertThat(ConnectionBudgetCheck.verdict(12, 10, 5)).isEqualTo(Verdict.STARVES);
    assertThat(ConnectionBudgetCheck.verdict(8, 10, 5)).isEqualTo(Verdict.LITTLE_HEADROOM);
    assertThat(ConnectionBudgetCheck.verdict(4, 10, 5)).isEqualTo(Verdict.OK);
    assertThat(ConnectionBudgetCheck.verdict(4, 20, 5)).isEqualTo(Verdict.OK);
    assertThat(ConnectionBudgetCheck.verdict(0, 1, 5)).isEqualTo(Verdict.OK); // job executor off
  }

  @Test
  void theShippedDefaultsLeaveRoomAndTheStartersOwnDefaultsDoNot() {
    CamundaBpmProperties starterDefaults = new CamundaBpmProperties();
    // the starter's own defaults: up to 10 job threads, Hikari's default pool of 10 (the load test's setting)
    assertThat(ConnectionBudgetCheck.verdict(
        ConnectionBudgetCheck.jobThreads(true, starterDefaults.getJobExecution()), 10, 5)).isEqualTo(Verdict.STARVES);
    assertThat(ConnectionBudgetCheck.jobThreads(false, starterDefaults.getJobExecution())).isZero();
  }

  @Test
  void thePostgresProfileRefusesToStartWithAPoolTheJobExecutorCanEmpty() {
    try (HikariDataSource pool = new HikariDataSource()) {
      pool.setMaximumPoolSize(10);
      CamundaBpmProperties camunda = new CamundaBpmProperties(); // up to 10 job threads
      MockEnvironment production = new MockEnvironment();
      production.setActiveProfiles("postgres");
      assertThatThrownBy(() -> new ConnectionBudgetCheck(camunda, pool, production, 5).check())
          .hasMessageContaining("refuses to start").hasMessageContaining("maximum-pool-size = 10");

      MockEnvironment demo = new MockEnvironment();
      demo.setActiveProfiles("demo");
      new ConnectionBudgetCheck(camunda, pool, demo, 5).check(); // a warning only

      camunda.getJobExecution().setCorePoolSize(4);
      camunda.getJobExecution().setMaxPoolSize(4);
      pool.setMaximumPoolSize(20);
      new ConnectionBudgetCheck(camunda, pool, production, 5).check();
    }
  }
}
