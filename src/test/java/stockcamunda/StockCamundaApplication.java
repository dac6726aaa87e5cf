package stockcamunda;

import jakarta.servlet.Filter;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

/**
 * A stock Camunda 7 Spring Boot application for the benchmark's comparison
 * (KerjasamaBenchmark): the starters' defaults, none of Kerjasama's beans,
 * plugins, listeners, filters or settings (its package lies outside
 * {@code id.go.kerjasama}, and {@code spring.config.name} keeps Kerjasama's
 * application.yaml out), but configured as Kerjasama runs: full history,
 * authorization on, the REST API behind Camunda's own HTTP Basic filter
 * (docs.camunda.org "Configure Authentication"). Its engine is named
 * {@value #ENGINE}, so its REST API answers under
 * {@code /engine-rest/engine/stock/...}.
 */
@SpringBootConfiguration
@EnableAutoConfiguration(exclude = FlywayAutoConfiguration.class)
public class StockCamundaApplication {

  public static final String ENGINE = "stock";

  @Bean
  FilterRegistrationBean<Filter> camundaRestAuthentication() {
    FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
    registration.addUrlPatterns("/engine-rest/*");
    registration.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
        HttpBasicAuthenticationProvider.class.getName());
    registration.addInitParameter("rest-url-pattern-prefix", "/engine-rest");
    return registration;
  }

  /** Starts the application on a random port against {@code jdbcUrl}; the administrator is {@code admin}. */
  public static ConfigurableApplicationContext start(String jdbcUrl, String dbUser, String dbPassword,
                                                     String adminPassword) {
    return new SpringApplicationBuilder(StockCamundaApplication.class).web(WebApplicationType.SERVLET).run(
        "--spring.config.name=stock-camunda",
        "--spring.main.banner-mode=off",
        "--server.port=0",
        "--spring.datasource.url=" + jdbcUrl,
        "--spring.datasource.username=" + dbUser,
        "--spring.datasource.password=" + dbPassword,
        "--camunda.bpm.process-engine-name=" + ENGINE,
        "--camunda.bpm.generate-unique-process-engine-name=false",
        "--camunda.bpm.history-level=full",
        "--camunda.bpm.authorization.enabled=true",
        "--camunda.bpm.database.schema-update=true",
        "--camunda.bpm.auto-deployment-enabled=false",
        "--camunda.bpm.webapp.enabled=false",
        "--camunda.bpm.admin-user.id=admin",
        "--camunda.bpm.admin-user.password=" + adminPassword,
        "--management.health.mail.enabled=false");
  }
}
