package id.go.kerjasama.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The registry API on PostgreSQL: search filters, sorting, paging, the CSV
 * export, authorization in SQL (a province sees its own), the detail view,
 * and the OpenAPI description next to the Camunda webapps and /engine-rest.
 * Its agreements come from the legacy import, tagged with a word of their
 * own so that other tests' data does not count.
 */
class RegistryApiIT extends IntegrationTest {

  static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Jakarta"));

  String tag;
  /** Registration numbers of rows A..E. */
  List<String> numbers;

  @BeforeEach
  void importAgreements() {
    tag = "rg" + UUID.randomUUID().toString().substring(0, 8).toLowerCase(Locale.ROOT);
    LegacyCsvFile csv = new LegacyCsvFile();
    LocalDate past = TODAY.minusMonths(10);
    // A: domestic, province 61, in force for years -> its term runs, this year's work plan first
    csv.row(tag + "-A", "DALAM_NEGERI", "Kerja sama perdagangan " + tag, "Kota Pontianak Mitra", "Indonesia",
        "province-61", "61", "EKONOMI", "PKS", "PKS-A", past, past, TODAY.plusYears(3));
    // B: domestic, province 62, ends within the renewal window -> its term runs, renewal starts at once
    csv.row(tag + "-B", "DALAM_NEGERI", "Kerja sama beasiswa " + tag, "Universitas Palangka", "Indonesia",
        "province-62", "62", "PENDIDIKAN", "PKS", "PKS-B", past, past, TODAY.plusMonths(2));
    // C: foreign, province 61, only a LoI -> signing (follow-up)
    csv.row(tag + "-C", "LUAR_NEGERI", "Kerja sama sekolah kembar " + tag, "Prefektur Osaka", "Jepang",
        "province-61", "61", "PENDIDIKAN;PARIWISATA", "LOI", "LOI-C", past, past, TODAY.plusYears(1));
    // D: foreign NGO with Kemensos, working in provinces 61 and 53 -> its term runs
    csv.row(tag + "-D", "ORMAS_ASING", "Program perlindungan anak " + tag, "Plan International", "Inggris",
        "kemensos", "61;53", "PERLINDUNGAN_ANAK", "MSP", "MSP-D", past, past, TODAY.plusYears(2));
    // E: domestic of Kemendagri in province 63, ended -> closed, expired
    csv.row(tag + "-E", "DALAM_NEGERI", "Kerja sama tata kelola " + tag, "Provinsi Kalimantan Selatan", "Indonesia",
        "kemendagri", "63", "TATA_KELOLA", "PKS", "PKS-E", TODAY.minusYears(3), TODAY.minusYears(3),
        TODAY.minusMonths(1));
    JsonNode report = check(upload(ADMIN, "/api/admin/imports", tag + ".csv", csv.bytes()), 200).json();
    assertThat(report.get("rejected")).as(report.toString()).isEmpty();
    numbers = report.get("imported").findValuesAsText("registrationNumber");
    assertThat(numbers).hasSize(5);
  }

  @Test
  void everyFilterNarrowsTheSearch() {
    String fasker = userOf("fasker");
    assertThat(found(fasker, "")).containsExactlyInAnyOrder("A", "B", "C", "D", "E");
    assertThat(found(fasker, "&type=DALAM_NEGERI")).containsExactlyInAnyOrder("A", "B", "E");
    assertThat(found(fasker, "&type=DALAM_NEGERI&type=LUAR_NEGERI")).containsExactlyInAnyOrder("A", "B", "C", "E");
    // (B moves from WORK_PLAN to RENEWAL when the job executor fires its renewal timer)
    assertThat(found(fasker, "&phase=SIGNING")).containsExactly("C");
    assertThat(found(fasker, "&phase=SIGNING&phase=CLOSED")).containsExactlyInAnyOrder("C", "E");
    assertThat(found(fasker, "&status=EXPIRED")).containsExactly("E");
    assertThat(found(fasker, "&status=ACTIVE")).containsExactlyInAnyOrder("A", "B", "D");
    assertThat(found(fasker, "&province=61")).containsExactlyInAnyOrder("A", "C", "D");
    assertThat(found(fasker, "&province=province-62")).containsExactly("B");
    assertThat(found(fasker, "&ministry=kemensos")).containsExactly("D");
    assertThat(found(fasker, "&ministry=ministry-kemendagri")).containsExactly("E");
    assertThat(found(fasker, "&proposer=province-61")).containsExactlyInAnyOrder("A", "C");
    assertThat(found(fasker, "&partner=OSAKA")).containsExactly("C");
    assertThat(found(fasker, "&partnerCountry=jepang")).containsExactly("C");
    assertThat(found(fasker, "&sector=PENDIDIKAN")).containsExactlyInAnyOrder("B", "C");
    assertThat(found(fasker, "&documentKind=LOI")).containsExactly("C");
    assertThat(found(fasker, "&endBefore=" + TODAY.plusMonths(6))).containsExactlyInAnyOrder("B", "E");
    assertThat(found(fasker, "&endAfter=" + TODAY.plusYears(2))).containsExactly("A");
    assertThat(found(fasker, "&endAfter=" + TODAY + "&endBefore=" + TODAY.plusYears(2).plusDays(1)))
        .containsExactlyInAnyOrder("B", "C", "D");
    assertThat(found(fasker, "+sekolah+kembar")).containsExactly("C");
    assertThat(found(fasker, "-d")).as("legacy numbers are searchable").containsExactly("D");
  }

  @Test
  void resultsAreSortedAndPaginatedInTheDatabase() {
    String fasker = userOf("fasker");
    assertThat(found(fasker, "&sort=endDate,asc")).containsExactly("E", "B", "C", "D", "A");
    assertThat(found(fasker, "&sort=endDate,desc")).containsExactly("A", "D", "C", "B", "E");
    assertThat(found(fasker, "&sort=type,asc&sort=title,desc")).containsExactly("E", "A", "B", "C", "D");

    JsonNode first = check(get(fasker, "/api/agreements?q=" + tag + "&sort=endDate,asc&size=2&page=0"), 200).json();
    assertThat(first.get("totalItems").asLong()).isEqualTo(5);
    assertThat(first.get("totalPages").asInt()).isEqualTo(3);
    assertThat(letters(first)).containsExactly("E", "B");
    JsonNode last = check(get(fasker, "/api/agreements?q=" + tag + "&sort=endDate,asc&size=2&page=2"), 200).json();
    assertThat(letters(last)).containsExactly("A");

    JsonNode badSort = check(get(fasker, "/api/agreements?sort=nama,asc"), 400).json();
    assertThat(badSort.get("message").asText()).contains("Urutan 'nama' tidak dikenal");
    JsonNode badType = check(get(fasker, "/api/agreements?type=BILATERAL"), 400).json();
    assertThat(badType.toString()).contains("type").contains("BILATERAL");
    check(get(fasker, "/api/agreements?size=500"), 400);
  }

  @Test
  void aProvinceFindsOnlyTheAgreementsItIsInvolvedInAndTotalsCountOnlyThose() {
    assertThat(found(userOf("province-61"), "")).containsExactlyInAnyOrder("A", "C", "D");
    assertThat(found(userOf("province-62"), "")).containsExactly("B");
    assertThat(found(userOf("ministry-kemensos"), "")).containsExactly("D");
    assertThat(found(userOf("province-11"), "")).isEmpty();
    // central reviewers read what they review, as in GET /api/agreements/{id}
    assertThat(found(userOf("tpoa-kemhan"), "")).containsExactly("D");
    assertThat(found(userOf("ministry-kemlu"), "")).containsExactly("C");
    assertThat(found(userOf("supervisor"), "")).hasSize(5);
    JsonNode page = check(get(userOf("province-61"), "/api/agreements?q=" + tag + "&size=1"), 200).json();
    assertThat(page.get("totalItems").asLong()).as("filtered in SQL, not after paging").isEqualTo(3);
    assertThat(page.get("totalPages").asInt()).isEqualTo(3);
    assertThat(get(null, "/api/agreements").status()).isEqualTo(401);
  }

  @Test
  void theCsvExportHoldsTheSameQueryWithoutPaging() {
    String csv = csv(userOf("fasker"), "/api/agreements.csv?q=" + tag + "&sort=endDate,asc&size=1");
    assertThat(csv).startsWith("\uFEFFregistration_number,legacy_number,cooperation_type,title,");
    List<String> lines = csv.substring(1).lines().toList();
    assertThat(lines).hasSize(6);
    assertThat(lines.get(1)).startsWith(numbers.get(4) + "," + tag + "-E,DALAM_NEGERI,");
    assertThat(lines.get(3)).contains("\"PENDIDIKAN;PARIWISATA\"").contains(",LOI,LOI-C,");
    // the same rows in the same order (B's phase may change meanwhile: the job executor starts its renewal)
    assertThat(csv(userOf("fasker"), "/api/agreements?format=csv&q=" + tag + "&sort=endDate,asc&size=1").lines()
        .map(l -> l.split(",")[0])).containsExactlyElementsOf(csv.lines().map(l -> l.split(",")[0]).toList());

    String province = csv(userOf("province-61"), "/api/agreements.csv?q=" + tag);
    assertThat(province.lines().count()).isEqualTo(4);
    assertThat(province).doesNotContain(tag + "-B").doesNotContain(tag + "-E");
  }

  @Test
  void theDetailShowsSigningHistoryTimelineAndDocuments() {
    String fasker = userOf("fasker");
    JsonNode a = check(get(fasker, "/api/agreements?q=" + tag + "-a"), 200).json().get("items").get(0);
    JsonNode detail = check(get(userOf("province-61"), "/api/agreements/" + a.get("id").asLong()), 200).json();
    assertThat(detail.at("/agreement/documentKind").asText()).isEqualTo("PKS");
    assertThat(detail.at("/agreement/phase").asText()).isEqualTo("WORK_PLAN");
    assertThat(detail.at("/details/terms/0/firstCycleYear").asInt()).isEqualTo(TODAY.getYear());
    assertThat(detail.get("signings")).hasSize(1);
    assertThat(detail.at("/signings/0/source").asText()).isEqualTo("IMPORT");
    assertThat(detail.at("/signings/0/documentNumber").asText()).isEqualTo("PKS-A");
    assertThat(detail.get("timeline").findValuesAsText("activity")).contains("Import_LegacyAgreement");
    assertThat(detail.get("documents")).isEmpty();
    check(get(userOf("province-62"), "/api/agreements/" + a.get("id").asLong()), 403);
  }

  @Test
  void theOpenApiDescriptionIsServedAndTheCamundaAppsStillWork() throws Exception {
    JsonNode docs = check(get(null, "/v3/api-docs"), 200).json();
    assertThat(docs.get("paths").has("/api/agreements")).isTrue();
    assertThat(docs.get("paths").has("/api/agreements.csv")).isTrue();
    assertThat(docs.get("paths").has("/api/agreements/{id}/documents")).isTrue();
    assertThat(docs.get("paths").has("/api/admin/imports")).isTrue();
    assertThat(docs.at("/components/securitySchemes/basicAuth/scheme").asText()).isEqualTo("basic");
    Response swagger = exchange(null, "GET", "/swagger-ui/index.html", null);
    assertThat(swagger.status()).as(swagger.body()).isEqualTo(200);
    assertThat(swagger.body()).contains("swagger-ui");

    // Tasklist's page without a session leads to Kerjasama's sign-in page
    java.net.http.HttpResponse<Void> tasklist = java.net.http.HttpClient.newHttpClient().send(
        java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port
            + "/camunda/app/tasklist/default/")).GET().build(), java.net.http.HttpResponse.BodyHandlers.discarding());
    assertThat(tasklist.statusCode()).isEqualTo(302);
    assertThat(tasklist.headers().firstValue("Location")).hasValue("/masuk?aplikasi=tasklist");
    java.net.http.HttpResponse<String> signIn = java.net.http.HttpClient.newHttpClient().send(
        java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port
            + "/masuk?aplikasi=tasklist")).GET().build(), java.net.http.HttpResponse.BodyHandlers.ofString());
    assertThat(signIn.statusCode()).isEqualTo(200);
    assertThat(signIn.body()).contains("<html", "/camunda/app/tasklist/default/");
    check(get(userOf("fasker"), "/engine-rest/process-definition?key=agreement-signing"), 200);
    check(get(null, "/engine-rest/process-definition"), 401);
  }

  /** The letters (A..E) of the agreements found, in the order of the answer. */
  List<String> found(String user, String query) {
    JsonNode page = check(get(user, "/api/agreements?size=200&q=" + tag + query), 200).json();
    return letters(page);
  }

  List<String> letters(JsonNode page) {
    List<String> letters = new ArrayList<>();
    for (JsonNode item : page.get("items")) {
      letters.add(item.get("legacyNumber").asText().substring(tag.length() + 1));
    }
    return letters;
  }

  String csv(String user, String path) {
    return client(user, PASSWORD).get().uri(path).exchange((req, res) -> {
      assertThat(res.getStatusCode().value()).isEqualTo(200);
      assertThat(res.getHeaders().getContentType().toString()).startsWith("text/csv");
      assertThat(res.getHeaders().getContentDisposition().getFilename()).endsWith(".csv");
      return new String(res.getBody().readAllBytes(), StandardCharsets.UTF_8);
    });
  }
}
