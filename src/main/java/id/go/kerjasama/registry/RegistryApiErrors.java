package id.go.kerjasama.registry;

import id.go.kerjasama.documents.DocumentRejectedException;
import id.go.kerjasama.documents.DocumentSettings;
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
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;

/**
 * The registry API's request errors (uploads, query parameters) as JSON,
 * like every other error of {@code /api}. Not limited to a package: an
 * upload beyond the servlet's multipart limit fails before any controller is
 * chosen. Ordered before the platform's catch-all handler.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RegistryApiErrors {

  private final DocumentSettings settings;

  public RegistryApiErrors(DocumentSettings settings) {
    this.settings = settings;
  }

  @ExceptionHandler(DocumentRejectedException.class)
  ResponseEntity<ApiError> rejected(DocumentRejectedException e) {
    return ResponseEntity.status(e.status()).body(new ApiError(e.status().value(), e.getMessage(), null));
  }

  @ExceptionHandler(MissingServletRequestPartException.class)
  ResponseEntity<ApiError> missingPart(MissingServletRequestPartException e) {
    return error(HttpStatus.BAD_REQUEST, "Bagian '" + e.getRequestPartName() + "' wajib dilampirkan (multipart/form-data)");
  }

  @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
  ResponseEntity<ApiError> unsupportedRequest(HttpMediaTypeNotSupportedException e) {
    return error(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Jenis isi permintaan " + e.getContentType()
        + " tidak didukung; yang didukung: " + e.getSupportedMediaTypes());
  }

  /** A query parameter of the wrong type, e.g. {@code type=XYZ} or a date that is not TTTT-BB-HH. */
  @ExceptionHandler(BindException.class)
  ResponseEntity<ApiError> badParameters(BindException e) {
    List<String> problems = e.getFieldErrors().stream()
        .map(f -> "Parameter '" + f.getField() + "': nilai '" + f.getRejectedValue() + "' tidak valid").toList();
    return ResponseEntity.badRequest().body(new ApiError(400, "Parameter permintaan tidak valid", problems));
  }

  @ExceptionHandler(MaxUploadSizeExceededException.class)
  ResponseEntity<ApiError> tooLarge(MaxUploadSizeExceededException e) {
    return error(HttpStatus.PAYLOAD_TOO_LARGE, "Berkas terlalu besar; ukuran paling besar " + settings.maxSizeText());
  }

  @ExceptionHandler(MultipartException.class)
  ResponseEntity<ApiError> badMultipart(MultipartException e) {
    return error(HttpStatus.BAD_REQUEST, "Permintaan unggah tidak dapat dibaca; kirim sebagai multipart/form-data");
  }

  private static ResponseEntity<ApiError> error(HttpStatus status, String message) {
    return ResponseEntity.status(status).body(new ApiError(status.value(), message, null));
  }
}
