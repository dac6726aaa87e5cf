package id.go.kerjasama.platform.notification;

import com.zaxxer.hikari.HikariDataSource;
import jakarta.annotation.PostConstruct;
import java.sql.SQLException;
import java.util.Arrays;
import javax.sql.DataSource;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.camunda.bpm.spring.boot.starter.property.JobExecutionProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Checks at start-up that the job executor cannot take every database
 * connection (issue 14: 10 job threads on a pool of 10 starved health and
 * {@code /api} for 30 s). Each job thread holds one connection while its job
 * runs (a mail job for the whole SMTP exchange), the acquisition thread one
 * more now and then; {@code kerjasama.database.reserved-for-web} connections
 * must stay for web requests. Too few left: a warning; none left (job threads
 * ≥ pool size): a warning, and in the {@code postgres} profile the
 * application refuses to start. Sizing: docs/operations.md "Mail".
 */
@Component
public class ConnectionBudgetCheck {

  private static final Logger LOG = LoggerFactory.getLogger(ConnectionBudgetCheck.class);
  static final String PRODUCTION_PROFILE = "postgres";

  private final CamundaBpmProperties camunda;
  private final DataSource dataSource;
  private final Environment environment;
  private final int reservedForWeb;

  public ConnectionBudgetCheck(CamundaBpmProperties camunda, DataSource dataSource, Environment environment,
                               @Value("${kerjasama.database.reserved-for-web:5}") int reservedForWeb) {
    this.camunda = camunda;
    this.dataSource = dataSource;
    this.environment = environment;
    this.reservedForWeb = reservedForWeb;
  }

  /** What the sizes allow. */
  enum Verdict { OK, LITTLE_HEADROOM, STARVES }

  /**
   * The job executor's threads: its pool grows to {@code max-pool-size} once its queue is full. (The
   * starter runs the job executor unless {@code camunda.bpm.job-execution.enabled} is false, although the
   * property object says false when the key is missing.)
   */
  static int jobThreads(boolean enabled, JobExecutionProperty jobs) {
    return enabled ? Math.max(jobs.getCorePoolSize(), jobs.getMaxPoolSize()) : 0;
  }

  static Verdict verdict(int jobThreads, int poolSize, int reservedForWeb) {
    if (jobThreads == 0) {
      return Verdict.OK;
    }
    if (jobThreads >= poolSize) {
      return Verdict.STARVES;
    }
    // one more for the acquisition thread
    return poolSize - jobThreads - 1 < reservedForWeb ? Verdict.LITTLE_HEADROOM : Verdict.OK;
  }

  @PostConstruct
  void check() {
    Integer poolSize = poolSize();
    if (poolSize == null) {
      LOG.info("Connection pool size unknown (not HikariCP); job executor sizing not checked");
      return;
    }
    int threads = jobThreads(environment.getProperty("camunda.bpm.job-execution.enabled", Boolean.class, true),
        camunda.getJobExecution());
    String sizes = "camunda.bpm.job-execution max-pool-size/core-pool-size = " + threads
        + " job threads, spring.datasource.hikari.maximum-pool-size = " + poolSize + " connections, "
        + "kerjasama.database.reserved-for-web = " + reservedForWeb;
    switch (verdict(threads, poolSize, reservedForWeb)) {
      case OK -> LOG.info("Connection budget: {}", sizes);
      case LITTLE_HEADROOM -> LOG.warn("Few connections left for web requests besides the job executor ({}). "
          + "Raise the pool size or lower the job threads: docs/operations.md \"Mail\"", sizes);
      case STARVES -> {
        String message = "The job executor can take every database connection (" + sizes + "): health and /api "
            + "would wait for a connection under load. Make the pool larger than job threads + 1 + reserved-for-web: "
            + "docs/operations.md \"Mail\"";
        if (Arrays.asList(environment.getActiveProfiles()).contains(PRODUCTION_PROFILE)) {
          throw new IllegalStateException("Kerjasama refuses to start with the postgres profile: " + message);
        }
        LOG.warn(message);
      }
    }
  }

  private Integer poolSize() {
    try {
      if (dataSource instanceof HikariDataSource hikari) {
        return hikari.getMaximumPoolSize();
      }
      if (dataSource.isWrapperFor(HikariDataSource.class)) {
        return dataSource.unwrap(HikariDataSource.class).getMaximumPoolSize();
      }
    } catch (SQLException e) {
      LOG.debug("Cannot unwrap the data source", e);
    }
    return null;
  }
}
