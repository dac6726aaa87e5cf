package id.go.kerjasama.platform.web;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The web layer's refusals that happen before a controller of the application is chosen — an unknown
 * path (404), a method (405), a {@code Content-Type} (415), an {@code Accept} (406) or parameters no
 * mapping takes — answered on {@code /api} like {@link ApiErrors} does, in Bahasa Indonesia. An advice
 * limited to the application's packages never sees them (there is no handler yet), and Spring Boot's
 * error page would answer in English. Other paths are left to Spring as before.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class ApiEdgeErrors {

  @ExceptionHandler({ErrorResponseException.class, ServletException.class})
  ResponseEntity<ApiErrors.ApiError> beforeAnyController(Exception e, HttpServletRequest request) throws Exception {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    if (!path.equals("/api") && !path.startsWith("/api/")) {
      throw e;  // not ours: Spring's own handling, as before
    }
    return ApiErrors.webError(e, request);
  }
}
