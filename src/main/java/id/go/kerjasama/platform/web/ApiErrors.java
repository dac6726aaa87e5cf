package id.go.kerjasama.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Every error of the application's own API ({@code /api}) as JSON with a
 * message a person can act on; never a stack trace.
 */
@RestControllerAdvice(basePackages = "id.go.kerjasama")
public class ApiErrors {

  private static final Logger LOG = LoggerFactory.getLogger(ApiErrors.class);

  /** The error body: HTTP status, a message in Bahasa Indonesia, and the single problems if several. */
  public record ApiError(int status, String message, List<String> problems) {
  }

  @ExceptionHandler(NotFoundException.class)
  ResponseEntity<ApiError> notFound(NotFoundException e) {
    return error(HttpStatus.NOT_FOUND, e.getMessage(), null);
  }

  @ExceptionHandler(ForbiddenException.class)
  ResponseEntity<ApiError> forbidden(ForbiddenException e) {
    return error(HttpStatus.FORBIDDEN, e.getMessage(), null);
  }

  @ExceptionHandler(InvalidInputException.class)
  ResponseEntity<ApiError> invalid(InvalidInputException e) {
    return error(HttpStatus.BAD_REQUEST, e.getMessage(), e.problems());
  }

  @ExceptionHandler({MethodArgumentTypeMismatchException.class, MissingServletRequestParameterException.class})
  ResponseEntity<ApiError> badParameter(Exception e) {
    return error(HttpStatus.BAD_REQUEST, "Parameter permintaan tidak valid: " + e.getMessage(), null);
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<ApiError> unexpected(Exception e, HttpServletRequest request) {
    LOG.error("Unexpected error on {} {}", request.getMethod(), request.getRequestURI(), e);
    return error(HttpStatus.INTERNAL_SERVER_ERROR,
        "Terjadi kesalahan pada server; silakan coba lagi atau hubungi administrator", null);
  }

  private static ResponseEntity<ApiError> error(HttpStatus status, String message, List<String> problems) {
    return ResponseEntity.status(status).body(new ApiError(status.value(), message, problems));
  }
}
