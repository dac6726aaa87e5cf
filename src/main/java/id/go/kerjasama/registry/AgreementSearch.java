package id.go.kerjasama.registry;

import id.go.kerjasama.platform.identity.Groups;
import id.go.kerjasama.platform.web.InvalidInputException;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/**
 * The registry's search, in SQL: filters, the reader's authorization (a
 * province sees only the agreements its groups are involved in, a central
 * reviewer what it reviews — the same rule as {@link AgreementAccess#canRead}),
 * sorting and paging all happen in
 * the database, so pages and totals are right. Plain SQL that runs on H2 and
 * PostgreSQL.
 */
@Repository
public class AgreementSearch {

  /** The sortable fields of the API and their columns. */
  public static final Map<String, String> SORT_COLUMNS = Map.ofEntries(
      Map.entry("registrationNumber", "a.registration_number"),
      Map.entry("title", "a.title"),
      Map.entry("partnerName", "a.partner_name"),
      Map.entry("partnerCountry", "a.partner_country"),
      Map.entry("type", "a.cooperation_type"),
      Map.entry("phase", "a.phase"),
      Map.entry("status", "a.status"),
      Map.entry("signedOn", "a.signed_on"),
      Map.entry("startDate", "a.start_date"),
      Map.entry("endDate", "a.end_date"),
      Map.entry("createdAt", "a.created_at"),
      Map.entry("updatedAt", "a.updated_at"));

  static final String DEFAULT_SORT = "a.created_at DESC, a.id DESC";
  public static final int MAX_PAGE_SIZE = 200;
  /** Up to this many agreements whose legacy number matches a word are asked by id (the rest: a subquery). */
  static final int LEGACY_IDS_MAX = 200;

  private static final String FROM = " FROM agreement a LEFT JOIN agreement_legacy_key k ON k.agreement_id = a.id";

  private final JdbcTemplate jdbc;

  public AgreementSearch(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * One page of the agreements that match and that the reader may see.
   *
   * @param readerGroups the reader's groups; {@code null} for no restriction (central roles)
   */
  public AgreementPage page(AgreementQuery query, List<String> readerGroups, int page, int size) {
    Statements sql = statements(query, readerGroups, page, size);
    Long total = jdbc.queryForObject(sql.countSql(), Long.class, sql.countParams().toArray());
    List<AgreementSummary> items = jdbc.query(sql.pageSql(), SUMMARY, sql.pageParams().toArray());
    long totalItems = total == null ? 0 : total;
    return new AgreementPage(items, page, size, totalItems, (int) ((totalItems + size - 1) / size));
  }

  /** The two statements of one search page: the total and the page's rows, each with its parameters. */
  public record Statements(String countSql, List<Object> countParams, String pageSql, List<Object> pageParams) {
  }

  /**
   * The SQL that {@link #page} sends for this query and reader, so that the
   * benchmark can read its plans (docs/performance.md "Run 13").
   */
  public Statements statements(AgreementQuery query, List<String> readerGroups, int page, int size) {
    if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
      throw new InvalidInputException(List.of("Halaman mulai dari 0; ukuran halaman 1 sampai " + MAX_PAGE_SIZE));
    }
    Where where = where(query, readerGroups, this::legacyMatches);
    List<Object> params = new ArrayList<>(where.params());
    params.add((long) page * size);
    params.add(size);
    return new Statements("SELECT COUNT(*)" + FROM + where.sql(), where.params(),
        "SELECT a.*, k.legacy_number" + FROM + where.sql() + " ORDER BY " + orderBy(query.sort())
            + " OFFSET ? ROWS FETCH NEXT ? ROWS ONLY", params);
  }

  /**
   * One page of the agreements in which one of {@code ownGroups} is a party
   * (proposing unit, KSDD partner region, partner ministry, foreign NGO),
   * optionally narrowed by free text like the search's {@code q}; most
   * recently changed first. No groups, no agreements.
   */
  public AgreementPage own(List<String> ownGroups, String text, int page, int size) {
    if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
      throw new InvalidInputException(List.of("Halaman mulai dari 0; ukuran halaman 1 sampai " + MAX_PAGE_SIZE));
    }
    AgreementQuery query = new AgreementQuery(null, null, null, null, null, null, null, null, null, null, null, null,
        text, null, null);
    // the reader's visibility first (never wider than the search), then "a party of it"
    Where visible = where(query, ownGroups, this::legacyMatches);
    List<Object> params = new ArrayList<>(visible.params());
    String own;
    if (ownGroups.isEmpty()) {
      own = "1 = 0";
    } else {
      String marks = marks(ownGroups.size());
      own = "(a.proposer_unit IN (" + marks + ") OR a.partner_region IN (" + marks + ") OR a.partner_ministry IN ("
          + marks + ") OR a.ngo_group IN (" + marks + "))";
      for (int i = 0; i < 4; i++) {
        params.addAll(ownGroups);
      }
    }
    String sql = (visible.sql().isEmpty() ? " WHERE " : visible.sql() + " AND ") + own;
    Long total = jdbc.queryForObject("SELECT COUNT(*)" + FROM + sql, Long.class, params.toArray());
    List<Object> paged = new ArrayList<>(params);
    paged.add((long) page * size);
    paged.add(size);
    List<AgreementSummary> items = jdbc.query("SELECT a.*, k.legacy_number" + FROM + sql
        + " ORDER BY a.updated_at DESC NULLS LAST, a.id DESC OFFSET ? ROWS FETCH NEXT ? ROWS ONLY", SUMMARY,
        paged.toArray());
    long totalItems = total == null ? 0 : total;
    return new AgreementPage(items, page, size, totalItems, (int) ((totalItems + size - 1) / size));
  }

  /** Every match, in order, one at a time (the CSV export). */
  public void forEach(AgreementQuery query, List<String> readerGroups, Consumer<AgreementSummary> consumer) {
    Where where = where(query, readerGroups, this::legacyMatches);
    jdbc.query("SELECT a.*, k.legacy_number" + FROM + where.sql() + " ORDER BY " + orderBy(query.sort()),
        rs -> {
          consumer.accept(SUMMARY.mapRow(rs, 0));
        }, where.params().toArray());
  }

  record Where(String sql, List<Object> params) {
  }

  /**
   * The agreements whose legacy number matches {@code pattern} (a LIKE pattern, lower case), or
   * {@code null} if there are more than {@link #LEGACY_IDS_MAX}.
   */
  List<Long> legacyMatches(String pattern) {
    List<Long> ids = jdbc.queryForList("SELECT agreement_id FROM agreement_legacy_key WHERE LOWER(legacy_number) LIKE ?"
        + " ESCAPE '\\' FETCH FIRST " + (LEGACY_IDS_MAX + 1) + " ROWS ONLY", Long.class, pattern);
    return ids.size() > LEGACY_IDS_MAX ? null : ids;
  }

  /**
   * @param legacyMatches for a word's LIKE pattern, the ids of the agreements whose legacy number matches it,
   *                      or {@code null} for "too many to list" ({@link #legacyMatches})
   */
  static Where where(AgreementQuery q, List<String> readerGroups, Function<String, List<Long>> legacyMatches) {
    List<String> clauses = new ArrayList<>();
    List<Object> params = new ArrayList<>();
    if (readerGroups != null) {
      if (readerGroups.isEmpty()) {
        clauses.add("1 = 0");
      } else {
        List<String> any = new ArrayList<>();
        String marks = marks(readerGroups.size());
        any.add("a.proposer_unit IN (" + marks + ")");
        any.add("a.proposer_province IN (" + marks + ")");
        any.add("a.partner_ministry IN (" + marks + ")");
        any.add("a.ngo_group IN (" + marks + ")");
        // a KSDD's partner region is a party: it finds the cooperation like the proposer
        any.add("a.partner_region IN (" + marks + ")");
        for (int i = 0; i < 5; i++) {
          params.addAll(readerGroups); // once per IN list above
        }
        for (String group : readerGroups) {
          if (group.startsWith(Groups.PROVINCE_PREFIX)) {
            any.add(listContains("a.location_provinces"));
            params.add(listPattern(group));
          }
        }
        // the central reviewers read what they review (TPOA: foreign-NGO cooperation; Kemlu: regional foreign)
        for (CooperationType type : CooperationType.values()) {
          if (readerGroups.stream().anyMatch(g -> AgreementAccess.reviews(g, type))) {
            any.add("a.cooperation_type = ?");
            params.add(type.name());
          }
        }
        clauses.add("(" + String.join(" OR ", any) + ")");
      }
    }
    in(clauses, params, "a.cooperation_type", q.types());
    in(clauses, params, "a.phase", q.phases());
    in(clauses, params, "a.status", q.statuses());
    in(clauses, params, "a.document_kind", q.documentKinds());
    if (notBlank(q.province())) {
      String group = q.province().trim().startsWith(Groups.PROVINCE_PREFIX) ? q.province().trim()
          : Groups.province(q.province().trim());
      clauses.add("(a.proposer_province = ? OR a.proposer_unit = ? OR " + listContains("a.location_provinces") + ")");
      params.add(group);
      params.add(group);
      params.add(listPattern(group));
    }
    if (notBlank(q.ministry())) {
      String group = q.ministry().trim().startsWith(Groups.MINISTRY_PREFIX) ? q.ministry().trim()
          : Groups.ministry(q.ministry().trim());
      clauses.add("(a.proposer_unit = ? OR a.partner_ministry = ?)");
      params.add(group);
      params.add(group);
    }
    if (notBlank(q.ngo())) {
      clauses.add("a.ngo_group = ?");
      params.add(q.ngo().trim());
    }
    if (notBlank(q.proposer())) {
      clauses.add("a.proposer_unit = ?");
      params.add(q.proposer().trim());
    }
    if (notBlank(q.partner())) {
      clauses.add("LOWER(a.partner_name) LIKE ? ESCAPE '\\'");
      params.add(containsPattern(q.partner()));
    }
    if (notBlank(q.partnerCountry())) {
      clauses.add("LOWER(a.partner_country) = ?");
      params.add(q.partnerCountry().trim().toLowerCase(Locale.ROOT));
    }
    if (!q.sectors().isEmpty()) {
      List<String> any = new ArrayList<>();
      for (Sector sector : q.sectors()) {
        any.add(listContains("a.sectors"));
        params.add(listPattern(sector.name()));
      }
      clauses.add("(" + String.join(" OR ", any) + ")");
    }
    if (q.endBefore() != null) {
      clauses.add("a.end_date < ?");
      params.add(Date.valueOf(q.endBefore()));
    }
    if (q.endAfter() != null) {
      clauses.add("a.end_date > ?");
      params.add(Date.valueOf(q.endAfter()));
    }
    if (notBlank(q.text())) {
      for (String word : q.text().trim().split("\\s+")) {
        String pattern = containsPattern(word);
        // one LIKE on the agreement's own row (search_text: V68, one trigram index on PostgreSQL), so that
        // PostgreSQL may read the index for a rare word and the table, or the newest first, for a common one;
        // the legacy number is in another table: its few matches join as ids, many as a subquery
        List<Long> legacy = legacyMatches.apply(pattern);
        if (legacy == null) {
          clauses.add("(a.search_text LIKE ? ESCAPE '\\' OR a.id IN (SELECT l.agreement_id FROM agreement_legacy_key l"
              + " WHERE LOWER(l.legacy_number) LIKE ? ESCAPE '\\'))");
          params.add(pattern);
          params.add(pattern);
        } else if (legacy.isEmpty()) {
          clauses.add("a.search_text LIKE ? ESCAPE '\\'");
          params.add(pattern);
        } else {
          clauses.add("(a.search_text LIKE ? ESCAPE '\\' OR a.id IN (" + marks(legacy.size()) + "))");
          params.add(pattern);
          params.addAll(legacy);
        }
      }
    }
    return new Where(clauses.isEmpty() ? "" : " WHERE " + String.join(" AND ", clauses), params);
  }

  static String orderBy(List<String> sort) {
    if (sort.isEmpty()) {
      return DEFAULT_SORT;
    }
    // "sort=endDate,desc" arrives as [endDate, desc] (Spring splits a list parameter at commas), or whole
    List<String> tokens = sort.stream().flatMap(item -> Arrays.stream(item.split(","))).map(String::trim)
        .filter(t -> !t.isEmpty()).toList();
    List<String> parts = new ArrayList<>();
    for (int i = 0; i < tokens.size(); i++) {
      String field = tokens.get(i);
      String column = SORT_COLUMNS.get(field);
      String direction = "ASC";
      if (i + 1 < tokens.size() && isDirection(tokens.get(i + 1))) {
        direction = tokens.get(++i).toUpperCase(Locale.ROOT);
      }
      if (column == null) {
        throw new InvalidInputException(List.of("Urutan '" + field + "' tidak dikenal; gunakan <kolom>,asc|desc dengan kolom: "
            + String.join(", ", SORT_COLUMNS.keySet().stream().sorted().toList())));
      }
      parts.add(column + " " + direction + " NULLS LAST");
    }
    if (parts.isEmpty()) {
      return DEFAULT_SORT;
    }
    parts.add("a.id " + (parts.get(0).contains(" DESC") ? "DESC" : "ASC"));
    return String.join(", ", parts);
  }

  private static boolean isDirection(String token) {
    return token.equalsIgnoreCase("asc") || token.equalsIgnoreCase("desc");
  }

  private static void in(List<String> clauses, List<Object> params, String column, List<? extends Enum<?>> values) {
    if (!values.isEmpty()) {
      clauses.add(column + " IN (" + marks(values.size()) + ")");
      values.forEach(v -> params.add(v.name()));
    }
  }

  private static String marks(int n) {
    return String.join(", ", java.util.Collections.nCopies(n, "?"));
  }

  /** Comma-joined lists (location_provinces, sectors) contain an item. */
  private static String listContains(String column) {
    return "(',' || " + column + " || ',') LIKE ?";
  }

  private static String listPattern(String item) {
    return "%," + item + ",%";
  }

  private static String containsPattern(String text) {
    String escaped = text.trim().toLowerCase(Locale.ROOT)
        .replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    return "%" + escaped + "%";
  }

  private static boolean notBlank(String s) {
    return s != null && !s.isBlank();
  }

  private static final RowMapper<AgreementSummary> SUMMARY = (rs, n) -> {
    CooperationType type = CooperationType.valueOf(rs.getString("cooperation_type"));
    Phase phase = Phase.valueOf(rs.getString("phase"));
    Status status = Status.valueOf(rs.getString("status"));
    long id = rs.getLong("id");
    return new AgreementSummary(id, rs.getString("registration_number"), rs.getString("legacy_number"), type,
        type.label(), rs.getString("title"), rs.getString("partner_name"), rs.getString("partner_country"),
        rs.getString("proposer_unit"), rs.getString("proposer_province"), rs.getString("partner_ministry"),
        split(rs.getString("location_provinces")), split(rs.getString("sectors")), phase, phase.label(), status,
        status.label(), kind(rs.getString("document_kind")), rs.getString("document_number"),
        date(rs, "signed_on"), date(rs, "start_date"), date(rs, "end_date"), rs.getInt("term"),
        "/api/agreements/" + id);
  };

  private static DocumentKind kind(String value) {
    if (value == null) {
      return null;
    }
    try {
      return DocumentKind.valueOf(value);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static List<String> split(String joined) {
    return joined == null || joined.isBlank() ? List.of() : Arrays.asList(joined.split(","));
  }

  private static java.time.LocalDate date(ResultSet rs, String column) throws SQLException {
    Date d = rs.getDate(column);
    return d == null ? null : d.toLocalDate();
  }
}
