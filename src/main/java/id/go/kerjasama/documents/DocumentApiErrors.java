package id.go.kerjasama.documents;

import id.go.kerjasama.platform.web.ApiErrors.ApiError;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;

/**
 * The upload errors as JSON, like every other error of {@code /api}. Not
 * limited to a package: {@link DocumentController} throws its own size
 * refusal, and the servlet's multipart ceiling can be passed on any upload
 * path (the legacy import answers its own, {@code LegacyImportController}).
 * Ordered before the platform's catch-all handler.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class DocumentApiErrors {

  private final DocumentSettings settings;

  DocumentApiErrors(DocumentSettings settings) {
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
