package id.go.kerjasama.documents;

import id.go.kerjasama.registry.DocumentKind;
import java.time.Instant;
import java.util.List;

/** A document of an agreement (one kind in one term) with every version uploaded, oldest first. */
public record AgreementDocument(
    long id,
    long agreementId,
    DocumentKind kind,
    String kindLabel,
    int term,
    String createdBy,
    Instant createdAt,
    List<DocumentVersion> versions) {

  public DocumentVersion latest() {
    return versions.isEmpty() ? null : versions.get(versions.size() - 1);
  }
}
