package id.go.kerjasama.documents;

import id.go.kerjasama.platform.forms.IndonesianFormat;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * Limits of uploaded documents ({@code kerjasama.documents.*}). The servlet's
 * multipart limits ({@code spring.servlet.multipart.*}) are the legacy
 * import's larger ones (application.yaml): {@link DocumentController} checks
 * this one.
 */
@Component
class DocumentSettings {

  private final DataSize maxSize;

  public DocumentSettings(@Value("${kerjasama.documents.max-size:20MB}") DataSize maxSize) {
    this.maxSize = maxSize;
  }

  public DataSize maxSize() {
    return maxSize;
  }

  /** "20 MB", for messages. */
  public String maxSizeText() {
    return IndonesianFormat.size(maxSize);
  }

}
