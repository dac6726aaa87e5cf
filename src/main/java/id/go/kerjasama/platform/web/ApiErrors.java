package id.go.kerjasama.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import jakarta.servlet.ServletException;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
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
    String message;
    if (e instanceof MethodArgumentTypeMismatchException mismatch) {
      Class<?> type = mismatch.getRequiredType();
      String kind = type == null ? "nilai yang valid"
          : Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class) ? "angka"
          : type == Boolean.class || type == boolean.class ? "true atau false"
          : type.isEnum() ? "salah satu dari " + java.util.Arrays.toString(type.getEnumConstants())
          : type.getName().startsWith("java.time.") ? "tanggal (TTTT-BB-HH)" : "nilai yang valid";
      String value = String.valueOf(mismatch.getValue());
      message = "Parameter '" + mismatch.getName() + "' tidak valid: '"
          + (value.length() > 40 ? value.substring(0, 40) + "…" : value) + "' bukan " + kind + ".";
    } else {
      message = "Parameter '" + ((MissingServletRequestParameterException) e).getParameterName() + "' wajib diisi.";
    }
    return error(HttpStatus.BAD_REQUEST, message, null);
  }

  /** A body that is not JSON, or JSON whose values have the wrong type. */
  @ExceptionHandler(HttpMessageNotReadableException.class)
  ResponseEntity<ApiError> unreadable(HttpMessageNotReadableException e) {
    Throwable cause = e.getCause();
    String message;
    if (cause instanceof com.fasterxml.jackson.core.JsonParseException parse) {
      message = "Isi permintaan bukan JSON yang valid (baris " + parse.getLocation().getLineNr() + ", kolom "
          + parse.getLocation().getColumnNr() + "). Periksa tanda kutip, koma, dan kurungnya.";
    } else if (cause instanceof com.fasterxml.jackson.databind.JsonMappingException mapping
        && !mapping.getPath().isEmpty()) {
      String field = mapping.getPath().stream()
          .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
          .collect(java.util.stream.Collectors.joining(".")).replace(".[", "[");
      message = "Isian '" + field + "' tidak sesuai jenisnya (misalnya teks di tempat angka atau ya/tidak).";
    } else {
      message = "Isi permintaan tidak dapat dibaca: kirim JSON yang valid sesuai dokumentasi API.";
    }
    return error(HttpStatus.BAD_REQUEST, message, null);
  }

  /** Bad input the engine found (a rule, a value), a right the user lacks, a change another made first. */
  @ExceptionHandler({BadUserRequestException.class, AuthorizationException.class, OptimisticLockingException.class})
  ResponseEntity<ApiError> engine(org.camunda.bpm.engine.ProcessEngineException e) {
    if (e instanceof AuthorizationException) {
      return error(HttpStatus.FORBIDDEN, "Anda tidak berhak melakukan tindakan ini.", null);
    }
    if (e instanceof OptimisticLockingException) {
      return error(HttpStatus.CONFLICT, "Data ini baru saja diubah orang lain; muat ulang lalu coba lagi.", null);
    }
    return error(HttpStatus.BAD_REQUEST, e.getMessage(), null);
  }

  /** A second record where only one may be (a unique key): the same thing sent twice. */
  @ExceptionHandler(DuplicateKeyException.class)
  ResponseEntity<ApiError> duplicate(DuplicateKeyException e, HttpServletRequest request) {
    LOG.info("Duplicate on {} {}: {}", request.getMethod(), request.getRequestURI(), e.getMostSpecificCause().toString());
    return error(HttpStatus.CONFLICT, "Data yang sama sudah ada; muat ulang untuk melihatnya.", null);
  }

  /** The web layer's own refusals (wrong method, media type, a part missing, …) with their status. */
  @ExceptionHandler({ErrorResponseException.class, ServletException.class, MultipartException.class})
  ResponseEntity<ApiError> web(Exception e, HttpServletRequest request) {
    return webError(e, request);
  }

  static ResponseEntity<ApiError> webError(Exception e, HttpServletRequest request) {
    HttpStatus status = HttpStatus.BAD_REQUEST;
    if (e instanceof ErrorResponse response) {
      status = HttpStatus.resolve(response.getStatusCode().value());
    } else if (e instanceof MaxUploadSizeExceededException) {
      status = HttpStatus.PAYLOAD_TOO_LARGE;
    }
    if (status == null || status.is5xxServerError()) {
      LOG.error("Unexpected error on {} {}", request.getMethod(), request.getRequestURI(), e);
      return error(HttpStatus.INTERNAL_SERVER_ERROR,
          "Terjadi kesalahan pada server; silakan coba lagi atau hubungi administrator", null);
    }
    String message = switch (status) {
      case NOT_FOUND -> "Alamat " + request.getRequestURI() + " tidak ada.";
      case METHOD_NOT_ALLOWED -> "Metode " + request.getMethod() + " tidak dapat dipakai pada alamat ini.";
      case UNSUPPORTED_MEDIA_TYPE -> "Jenis isi permintaan " + request.getContentType()
          + " tidak diterima di alamat ini; lihat dokumentasi API.";
      case NOT_ACCEPTABLE -> "Jenis jawaban yang diminta (Accept) tidak tersedia di alamat ini.";
      case PAYLOAD_TOO_LARGE -> "Isi permintaan terlalu besar.";
      default -> "Permintaan tidak lengkap atau tidak valid; periksa parameter dan isiannya sesuai dokumentasi API.";
    };
    return error(status, message, null);
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<ApiError> unexpected(Exception e, HttpServletRequest request) {
    LOG.error("Unexpected error on {} {}", request.getMethod(), request.getRequestURI(), e);
    return error(HttpStatus.INTERNAL_SERVER_ERROR,
        "Terjadi kesalahan pada server; silakan coba lagi atau hubungi administrator", null);
  }

  private static ResponseEntity<ApiError> error(HttpStatus status, String message, List<String> problems) {
    // JSON whatever the failed request asked for (the CSV export's errors too)
    return ResponseEntity.status(status).contentType(org.springframework.http.MediaType.APPLICATION_JSON)
        .body(new ApiError(status.value(), message, problems));
  }
}
