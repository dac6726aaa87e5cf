package id.go.kerjasama.platform.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.Priority;
import jakarta.ws.rs.ConstrainedTo;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.RuntimeType;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;
import org.camunda.bpm.engine.rest.mapper.JacksonConfigurator;
import org.glassfish.jersey.internal.spi.AutoDiscoverable;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One ObjectMapper for Camunda's engine REST, configured exactly as Camunda
 * configures it ({@link JacksonConfigurator#configureObjectMapper}), instead
 * of a new one per use: Camunda's {@code JacksonConfigurator.getContext}
 * builds a fresh mapper every time Jersey asks, so every request and every
 * answer (and each filter's saved query, read again on each Tasklist list and
 * count) built Jackson's serializers and deserializers anew — the largest
 * single cost the benchmark's profile of the Tasklist filters showed
 * (docs/performance.md). A configured ObjectMapper is thread-safe; nothing in
 * Camunda's REST changes the mapper it is given.
 *
 * <p>Registered on {@code /engine-rest} (a {@link ResourceConfigCustomizer})
 * and, through {@link Discovery} in {@code META-INF/services}, on the webapps'
 * own engine API that Tasklist and Cockpit call. Its priority puts it before
 * Camunda's resolver for the same type and media type.
 */
@Configuration(proxyBeanMethods = false)
public class SharedRestObjectMapper {

  @Bean
  ResourceConfigCustomizer sharedEngineRestObjectMapper() {
    return config -> {
      if (!config.isRegistered(Resolver.class)) {
        config.register(Resolver.class);
      }
    };
  }

  /** Registers the resolver in every Jersey application of the server. */
  @ConstrainedTo(RuntimeType.SERVER)
  @Priority(AutoDiscoverable.DEFAULT_PRIORITY)
  public static class Discovery implements AutoDiscoverable {
    @Override
    public void configure(FeatureContext context) {
      if (!context.getConfiguration().isRegistered(Resolver.class)) {
        context.register(Resolver.class);
      }
    }
  }

  /** The one mapper, built on first use (after Camunda's date format is set). */
  @Provider
  @Produces(MediaType.APPLICATION_JSON)
  @Priority(1)
  public static class Resolver implements ContextResolver<ObjectMapper> {

    private static volatile ObjectMapper mapper;
    private static final java.util.concurrent.atomic.AtomicLong USES = new java.util.concurrent.atomic.AtomicLong();

    /** How often Jersey asked this resolver for the mapper (tests: it, not Camunda's, is the one used). */
    public static long uses() {
      return USES.get();
    }

    @Override
    public ObjectMapper getContext(Class<?> type) {
      USES.incrementAndGet();
      ObjectMapper shared = mapper;
      if (shared == null) {
        synchronized (Resolver.class) {
          shared = mapper;
          if (shared == null) {
            shared = JacksonConfigurator.configureObjectMapper(new ObjectMapper());
            mapper = shared;
          }
        }
      }
      return shared;
    }
  }
}
