package id.go.kerjasama.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import id.go.kerjasama.registry.AgreementQuery;
import id.go.kerjasama.registry.AgreementSearch;
import id.go.kerjasama.registry.SearchTextCases;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The registry's free text on PostgreSQL, over REST as Fasker types it: one
 * trigram index on the searched columns joined (V68,
 * docs/performance.md "Run 13") finds exactly what the search found with one
 * LIKE per column before — case, parts of words, registration, document and
 * legacy numbers with slashes and dots, Indonesian words, and {@code %},
 * {@code _} and {@code \} typed by a user taken literally
 * ({@link SearchTextCases}; the same cases on H2 in AgreementSearchTextTest).
 */
class SearchTextIT extends IntegrationTest {

  @Autowired
  DataSource dataSource;
  @Autowired
  AgreementSearch agreementSearch;

  @Test
  void freeTextFindsWhatItFoundBefore() {
    JdbcTemplate jdbc = new JdbcTemplate(dataSource);
    String tag = SearchTextCases.newTag();
    Map<String, Long> ids = SearchTextCases.insert(jdbc, tag, "regency-9901");
    String fasker = userOf("fasker");
    for (SearchTextCases.Case c : SearchTextCases.cases()) {
      String text = c.text() + " " + tag;
      // as typed: the client encodes the query as a browser does (percent signs, backslashes, spaces)
      JsonNode page = check(get(fasker, "/api/agreements?size=200&q=" + text), 200).json();
      Set<Long> found = new TreeSet<>();
      page.get("items").forEach(item -> found.add(item.get("id").asLong()));
      Set<Long> expected = c.finds().stream().map(ids::get).collect(Collectors.toCollection(TreeSet::new));
      assertThat(found).as("q=%s", text).isEqualTo(expected).isEqualTo(SearchTextCases.before(jdbc, text));
      assertThat(page.get("totalItems").asLong()).as("total of q=%s", text).isEqualTo(expected.size());
    }
  }

  @Test
  void theSearchedTextHasOneTrigramIndex() {
    // the free text's SQL asks the indexed column (a LIKE that the index cannot serve would read every row)
    JdbcTemplate jdbc = new JdbcTemplate(dataSource);
    String definition = jdbc.queryForObject(
        "SELECT indexdef FROM pg_indexes WHERE indexname = 'ix_agreement_search_text_trgm'", String.class);
    assertThat(definition).contains("gin_trgm_ops").contains("search_text");
    AgreementSearch.Statements sql = agreementSearch.statements(new AgreementQuery(List.of(), List.of(), List.of(),
        null, null, null, null, null, List.of(), List.of(), null, null, "sampah", List.of(), null), null, 0, 20);
    String plan = jdbc.execute((ConnectionCallback<String>) connection -> {
      try (Statement off = connection.createStatement()) {
        off.execute("SET enable_seqscan = off"); // a few rows only: the planner would rather read them all
      }
      try (PreparedStatement explain = connection.prepareStatement("EXPLAIN " + sql.countSql())) {
        for (int i = 0; i < sql.countParams().size(); i++) {
          explain.setObject(i + 1, sql.countParams().get(i));
        }
        StringBuilder lines = new StringBuilder();
        try (ResultSet rs = explain.executeQuery()) {
          while (rs.next()) {
            lines.append(rs.getString(1)).append('\n');
          }
        }
        return lines.toString();
      } finally {
        try (Statement on = connection.createStatement()) {
          on.execute("RESET enable_seqscan");
        }
      }
    });
    assertThat(plan).contains("ix_agreement_search_text_trgm");
  }
}
