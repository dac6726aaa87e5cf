package id.go.kerjasama.documents;

import id.go.kerjasama.registry.Agreement;
import id.go.kerjasama.registry.AgreementDetails;
import java.util.List;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The documents in {@code GET /api/agreements/{id}}, as {@code documents}
 * beside the timeline: every document with every version, as
 * {@code GET /api/agreements/{id}/documents} lists them.
 */
@Component
@Order(2)
class DocumentDetails implements AgreementDetails {

  private final DocumentService documentService;

  DocumentDetails(DocumentService documentService) {
    this.documentService = documentService;
  }

  @Override
  public String name() {
    return "documents";
  }

  @Override
  public boolean topLevel() {
    return true;
  }

  @Override
  public List<DocumentController.DocumentView> of(Agreement agreement) {
    return DocumentController.views(agreement.id(), documentService.documents(agreement.id()));
  }
}
