package id.go.kerjasama.documents;

import java.time.Instant;

/** One uploaded version of a document: never overwritten, checked by its SHA-256. */
record DocumentVersion(
    long id,
    long documentId,
    int versionNo,
    String fileName,
    String contentType,
    long sizeBytes,
    String sha256,
    String uploadedBy,
    Instant uploadedAt) {
}
