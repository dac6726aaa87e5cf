package id.go.kerjasama.platform.web;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Engine REST ({@code /engine-rest}) answers for a person's bad input. The
 * REST layer wraps an error of {@code submit-form} as HTTP 500 "Cannot submit
 * task form &lt;id&gt;: …" even when the cause is bad input (a form's rule, a
 * variable its form does not declare): such a cause answers 400 (403 for a
 * right the user lacks) with the cause's own Indonesian message, no engine
 * prefix. Everything else goes to Camunda's own handler unchanged.
 */
@Configuration(proxyBeanMethods = false)
public class EngineRestErrors {

  @Bean
  ResourceConfigCustomizer engineRestBadInputAnswers() {
    return config -> config.register(BadInputMapper.class);
  }

  @Provider
  @Priority(1)
  public static class BadInputMapper implements ExceptionMapper<RestException> {

    private final RestExceptionHandler camunda = new RestExceptionHandler();

    @Override
    public Response toResponse(RestException exception) {
      Throwable cause = exception.getCause();
      int status;
      if (cause instanceof AuthorizationException) {
        status = 403;
      } else if (cause instanceof BadUserRequestException || cause instanceof FormFieldValidationException) {
        status = 400;
      } else {
        return camunda.toResponse(exception);
      }
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("type", cause.getClass().getSimpleName());
      body.put("message", cause.getMessage());
      if (cause instanceof InvalidInputException invalid) {
        body.put("problems", invalid.problems());
      }
      return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
    }
  }
}
