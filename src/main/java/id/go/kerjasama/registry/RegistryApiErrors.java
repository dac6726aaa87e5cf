package id.go.kerjasama.registry;

import id.go.kerjasama.platform.web.ApiErrors.ApiError;
import java.util.List;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.BindException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The registry API's request errors (query parameters, request content types)
 * as JSON, like every other error of {@code /api}; the upload errors are
 * {@code documents/DocumentApiErrors}. Ordered before the platform's
 * catch-all handler.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class RegistryApiErrors {

  @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
  ResponseEntity<ApiError> unsupportedRequest(HttpMediaTypeNotSupportedException e) {
    return ResponseEntity.status(HttpStatus.UNSUPPORTED_MEDIA_TYPE).body(new ApiError(
        HttpStatus.UNSUPPORTED_MEDIA_TYPE.value(), "Jenis isi permintaan " + e.getContentType()
        + " tidak didukung; yang didukung: " + e.getSupportedMediaTypes(), null));
  }

  /** A query parameter of the wrong type, e.g. {@code type=XYZ} or a date that is not TTTT-BB-HH. */
  @ExceptionHandler(BindException.class)
  ResponseEntity<ApiError> badParameters(BindException e) {
    List<String> problems = e.getFieldErrors().stream()
        .map(f -> "Parameter '" + f.getField() + "': nilai '" + f.getRejectedValue() + "' tidak valid").toList();
    return ResponseEntity.badRequest().body(new ApiError(400, "Parameter permintaan tidak valid", problems));
  }
}
