package id.go.kerjasama.documents;

import id.go.kerjasama.platform.time.BusinessClock;
import id.go.kerjasama.registry.DocumentKind;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** Documents and their versions, through plain JDBC. Versions are only ever inserted. */
@Repository
class DocumentRepository {

  private static final String VERSION_COLUMNS =
      "v.id, v.document_id, v.version_no, v.file_name, v.content_type, v.size_bytes, v.sha256, v.uploaded_by, v.uploaded_at";

  private final JdbcTemplate jdbc;
  private final JdbcClient client;

  public DocumentRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
    this.client = JdbcClient.create(jdbc);
  }

  /** Locks the agreement's row until the transaction ends, so uploads to one agreement take turns. */
  public void lockAgreement(long agreementId) {
    jdbc.queryForList("SELECT id FROM agreement WHERE id = ? FOR UPDATE", Long.class, agreementId);
  }

  public Optional<Long> findDocument(long agreementId, DocumentKind kind, int term) {
    return jdbc.queryForList("SELECT id FROM agreement_document WHERE agreement_id = ? AND kind = ? AND term = ?",
        Long.class, agreementId, kind.name(), term).stream().findFirst();
  }

  public long insertDocument(long agreementId, DocumentKind kind, int term, String user) {
    KeyHolder key = new GeneratedKeyHolder();
    client.sql("INSERT INTO agreement_document (agreement_id, kind, term, created_by, created_at) VALUES (?, ?, ?, ?, ?)")
        .params(agreementId, kind.name(), term, user, Timestamp.from(BusinessClock.now()))
        .update(key, "id");
    return key.getKey().longValue();
  }

  public int nextVersionNo(long documentId) {
    Integer max = jdbc.queryForObject(
        "SELECT MAX(version_no) FROM agreement_document_version WHERE document_id = ?", Integer.class, documentId);
    return max == null ? 1 : max + 1;
  }

  public long insertVersion(long documentId, int versionNo, String fileName, String contentType, byte[] content,
                            String sha256, String user) {
    KeyHolder key = new GeneratedKeyHolder();
    client.sql("""
          INSERT INTO agreement_document_version (document_id, version_no, file_name, content_type, size_bytes,
            sha256, content, uploaded_by, uploaded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        .params(documentId, versionNo, fileName, contentType, (long) content.length, sha256, content, user,
            Timestamp.from(BusinessClock.now()))
        .update(key, "id");
    return key.getKey().longValue();
  }

  /** Every document of the agreement with its versions (metadata only), by term, kind (in signing order) and version. */
  public List<AgreementDocument> documents(long agreementId) {
    Map<Long, AgreementDocument> documents = new LinkedHashMap<>();
    jdbc.query("SELECT * FROM agreement_document WHERE agreement_id = ? ORDER BY term, id", rs -> {
      DocumentKind kind = DocumentKind.valueOf(rs.getString("kind"));
      documents.put(rs.getLong("id"), new AgreementDocument(rs.getLong("id"), agreementId, kind, kind.label(),
          rs.getInt("term"), rs.getString("created_by"), rs.getTimestamp("created_at").toInstant(),
          new ArrayList<>()));
    }, agreementId);
    if (!documents.isEmpty()) {
      jdbc.query("SELECT " + VERSION_COLUMNS + " FROM agreement_document_version v"
              + " JOIN agreement_document d ON d.id = v.document_id WHERE d.agreement_id = ? ORDER BY v.document_id, v.version_no",
          rs -> {
            DocumentVersion version = VERSION.mapRow(rs, 0);
            documents.get(version.documentId()).versions().add(version);
          }, agreementId);
    }
    return documents.values().stream()
        .sorted(java.util.Comparator.comparingInt(AgreementDocument::term)
            .thenComparing(AgreementDocument::kind))
        .toList();
  }

  public Optional<DocumentVersion> version(long agreementId, long documentId, int versionNo) {
    return jdbc.query("SELECT " + VERSION_COLUMNS + " FROM agreement_document_version v"
            + " JOIN agreement_document d ON d.id = v.document_id"
            + " WHERE d.agreement_id = ? AND v.document_id = ? AND v.version_no = ?",
        VERSION, agreementId, documentId, versionNo).stream().findFirst();
  }

  public byte[] content(long versionId) {
    return jdbc.queryForObject("SELECT content FROM agreement_document_version WHERE id = ?",
        (rs, n) -> rs.getBytes(1), versionId);
  }

  /** Whether at least one version of that document was uploaded in that term. */
  public boolean hasVersion(long agreementId, DocumentKind kind, int term) {
    Integer count = jdbc.queryForObject("""
        SELECT COUNT(*) FROM agreement_document_version v JOIN agreement_document d ON d.id = v.document_id
        WHERE d.agreement_id = ? AND d.kind = ? AND d.term = ?""", Integer.class, agreementId, kind.name(), term);
    return count != null && count > 0;
  }

  private static final RowMapper<DocumentVersion> VERSION = (rs, n) -> new DocumentVersion(
      rs.getLong("id"), rs.getLong("document_id"), rs.getInt("version_no"), rs.getString("file_name"),
      rs.getString("content_type"), rs.getLong("size_bytes"), rs.getString("sha256"), rs.getString("uploaded_by"),
      instant(rs, "uploaded_at"));

  private static java.time.Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp t = rs.getTimestamp(column);
    return t == null ? null : t.toInstant();
  }
}
