package id.go.kerjasama.documents;

import org.springframework.http.HttpStatus;

/** An upload the registry does not take: too large (413) or not a PDF, JPEG or PNG (415). */
class DocumentRejectedException extends RuntimeException {

  private final HttpStatus status;

  public DocumentRejectedException(HttpStatus status, String message) {
    super(message);
    this.status = status;
  }

  public HttpStatus status() {
    return status;
  }
}
