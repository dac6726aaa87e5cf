package id.go.kerjasama.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The free text on H2 (development, process tests: the schema of db/migration
 * without PostgreSQL's indexes) finds what it found before run 13, for the
 * tricky texts of {@link SearchTextCases}; SearchTextIT asks the same over
 * REST on PostgreSQL.
 */
class AgreementSearchTextTest {

  static JdbcTemplate jdbc;
  static AgreementSearch search;
  static final String TAG = SearchTextCases.newTag();
  static Map<String, Long> ids;

  @BeforeAll
  static void database() {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:mem:search-text;DB_CLOSE_DELAY=-1");
    h2.setUser("sa");
    Flyway.configure().dataSource(h2).locations("classpath:db/migration", "classpath:db/vendor/h2").load().migrate();
    jdbc = new JdbcTemplate(h2);
    search = new AgreementSearch(jdbc);
    ids = SearchTextCases.insert(jdbc, TAG, "regency-9901");
  }

  @Test
  void findsWhatItFoundBeforeForTrickyTexts() {
    for (SearchTextCases.Case c : SearchTextCases.cases()) {
      String text = c.text() + " " + TAG;
      Set<Long> found = search.page(query(text), null, 0, AgreementSearch.MAX_PAGE_SIZE).items().stream()
          .map(AgreementSummary::id).collect(Collectors.toCollection(TreeSet::new));
      Set<Long> expected = c.finds().stream().map(ids::get).collect(Collectors.toCollection(TreeSet::new));
      assertThat(found).as("q=%s", text).isEqualTo(expected).isEqualTo(SearchTextCases.before(jdbc, text));
    }
  }

  @Test
  void readersSeeOnlyWhatTheyMaySeeWithText() {
    // the proposer finds its agreement; another regency does not
    assertThat(search.page(query("sampah " + TAG), List.of("regency-9901"), 0, 20).items())
        .extracting(AgreementSummary::id).containsExactly(ids.get("r1"));
    assertThat(search.page(query("sampah " + TAG), List.of("regency-9902"), 0, 20).items()).isEmpty();
  }

  private static AgreementQuery query(String text) {
    return new AgreementQuery(List.of(), List.of(), List.of(), null, null, null, null, null, List.of(), List.of(),
        null, null, text, List.of(), null);
  }
}
