package id.go.kerjasama.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The fault and fuzz suite (issue 14, docs/reliability.md "Fault and fuzz suite"): generated malformed
 * input against the main endpoints — the start form and a task's form on {@code /engine-rest} and on the
 * webapps' copy, {@code /api}, the legacy import — each answered 4xx with a message in Bahasa Indonesia,
 * no SQL or stack text, and nothing half-written; request bodies over the limit answered 413; the
 * database's connections killed under load, and the application answering again by itself. Test data
 * of province 13 (Sumatera Barat). {@code -Dfuzz.inputs=N} (default 200) sets the number of random
 * mutations of the start form on top of the fixed cases, {@code -Dfuzz.csv=N} (default 60) the number of
 * random CSV files; the profile {@code -Pfault} runs this class alone with 2,000 and 500.
 */
class FaultAndFuzzIT extends IntegrationTest {

  static final String PROVINCE = "province-13";
  static final String LIFECYCLE_START = "/engine-rest/process-definition/key/cooperation-lifecycle/submit-form";
  static final Pattern TECHNICAL = Pattern.compile("(?i)###|\\bSQL|org\\.postgresql|org\\.h2|ibatis|\\bjava\\.|"
      + "\\bat [a-z]+\\.[a-z]+\\.|duplicate key|\\bconstraint\\b|Exception:|Cannot submit task form|ENGINE-\\d");
  static final Pattern INDONESIAN = Pattern.compile("(?i)\\b(tidak|wajib|harus|terlalu|isian|isi|berikut|sudah|"
      + "permintaan|data|anda|pilihan|berkas|karakter|nilai|jenis|alamat|metode|paling|baris|keputusan|catatan)\\b");
  static final Map<String, AtomicInteger> FIGURES = new TreeMap<>();

  @Autowired
  JdbcTemplate jdbc;

  // ------------------------------------------------------------------ the start form

  @Test
  void malformedStartFormsAreRefusedWith4xxAndRegisterNothing() throws Exception {
    String proposer = userOf(PROVINCE);
    int agreementsBefore = agreementsOf13();
    int instancesBefore = instancesStartedBy(proposer);

    List<Map.Entry<String, Object>> cases = new ArrayList<>();
    Map<String, Object> valid = proposal();
    for (String field : valid.keySet()) {
      Map<String, Object> missing = new HashMap<>(valid);
      missing.remove(field);
      cases.add(Map.entry("without " + field, body(missing)));
      for (Object bad : badValues()) {
        Map<String, Object> mutated = new HashMap<>(valid);
        mutated.put(field, bad);
        cases.add(Map.entry(field + " = " + abbreviate(String.valueOf(bad)), body(mutated)));
      }
    }
    for (Map.Entry<String, Object> extra : extraVariables().entrySet()) {
      Map<String, Object> mutated = new HashMap<>(valid);
      mutated.put(extra.getKey(), extra.getValue());
      cases.add(Map.entry("extra " + extra.getKey(), body(mutated)));
    }
    for (String raw : malformedJson()) {
      cases.add(Map.entry("raw " + abbreviate(raw), raw));
    }
    Random random = new Random(14);
    int mutations = Integer.getInteger("fuzz.inputs", 200);
    List<String> fields = new ArrayList<>(valid.keySet());
    List<Object> values = badValues();
    for (int i = 0; i < mutations; i++) {
      Map<String, Object> mutated = new HashMap<>(valid);
      // one to three fields broken at once, in random ways
      for (int k = 0, n = 1 + random.nextInt(3); k < n; k++) {
        mutated.put(fields.get(random.nextInt(fields.size())), values.get(random.nextInt(values.size())));
      }
      cases.add(Map.entry("random #" + i, body(mutated)));
    }

    for (Map.Entry<String, Object> c : cases) {
      Response answer = c.getValue() instanceof String raw
          ? raw(proposer, "POST", LIFECYCLE_START, "application/json", raw.getBytes(StandardCharsets.UTF_8))
          : post(proposer, LIFECYCLE_START, c.getValue());
      refused("start form", "start form: " + c.getKey(), answer);
    }
    assertThat(agreementsOf13()).as("no agreement registered").isEqualTo(agreementsBefore);
    assertThat(instancesStartedBy(proposer)).as("no lifecycle started").isEqualTo(instancesBefore);
    // the valid form still goes through
    check(post(proposer, LIFECYCLE_START, body(valid)), 200);
    assertThat(agreementsOf13()).isEqualTo(agreementsBefore + 1);
  }

  // ------------------------------------------------------------------ a task's form

  @Test
  void malformedTaskFormsAreRefusedAndTheTaskStaysOpenWithNothingRecorded() throws Exception {
    // a foreign-NGO cooperation located in province 13, up to the TPOA seats' recommendations
    String ministry = userOf("ministry-kemensos");
    Map<String, Object> ngo = proposal();
    ngo.put("cooperationType", value("ORMAS_ASING"));
    ngo.put("partnerCountry", value("Jepang"));
    ngo.put("proposerUnit", value("ministry-kemensos"));
    String key = check(post(ministry, LIFECYCLE_START, body(ngo)), 200).json().get("businessKey").asText();
    String checkFile = openTask(key, "UserTask_CheckFileComplete");
    check(post(ministry, "/engine-rest/task/" + checkFile + "/claim", Map.of("userId", ministry)), 204);
    check(post(ministry, "/engine-rest/task/" + checkFile + "/submit-form",
        Map.of("variables", Map.of("decision", value("COMPLETE")))), 204);
    String seat = userOf("tpoa-polri");
    String recommend = openTaskOf(key, "UserTask_RecommendPermit", "tpoa-polri");
    long agreementId = check(get(seat, "/engine-rest/task/" + recommend + "/variables/agreementId"), 200).json()
        .get("value").asLong();
    int eventsBefore = events(agreementId);

    // the issue's case: a recommendation without a decision was a NullPointerException (500)
    JsonNode noDecision = refused("task form", "recommendation without decision", post(seat,
        "/engine-rest/task/" + recommend + "/submit-form", Map.of("variables", Map.of("notes", value("Setuju"))))).json();
    assertThat(noDecision.get("message").asText()).containsIgnoringCase("keputusan");

    List<Map.Entry<String, Object>> cases = new ArrayList<>();
    for (Object bad : badValues()) {
      cases.add(Map.entry("decision = " + abbreviate(String.valueOf(bad)), Map.of("decision", bad)));
      cases.add(Map.entry("notes = " + abbreviate(String.valueOf(bad)),
          Map.of("decision", value("OBJECTION"), "notes", bad)));
    }
    cases.add(Map.entry("unknown decision", Map.of("decision", value("SETUJU_SAJA"))));
    cases.add(Map.entry("objection without notes", Map.of("decision", value("OBJECTION"))));
    for (Map.Entry<String, Object> extra : extraVariables().entrySet()) {
      cases.add(Map.entry("extra " + extra.getKey(), Map.of("decision", value("NO_OBJECTION"), extra.getKey(),
          extra.getValue())));
    }
    for (Map.Entry<String, Object> c : cases) {
      Object variables = c.getValue();
      refused("task form", "submit-form: " + c.getKey(), post(seat, "/engine-rest/task/" + recommend + "/submit-form",
          Map.of("variables", variables)));
      refused("task form", "complete: " + c.getKey(), post(seat, "/engine-rest/task/" + recommend + "/complete",
          Map.of("variables", variables)));
    }
    for (String raw : malformedJson()) {
      refused("task form", "raw " + abbreviate(raw), raw(seat, "POST", "/engine-rest/task/" + recommend
          + "/submit-form", "application/json", raw.getBytes(StandardCharsets.UTF_8)));
    }

    // the webapps' copy of the engine API (Tasklist submits there): same answers, no engine prefix
    SecurityAttackIT.WebappSession tasklist = SecurityAttackIT.WebappSession.login(port, seat, PASSWORD);
    String webappPath = "/camunda/api/engine/engine/default/task/" + recommend + "/submit-form";
    for (String variables : List.of("{\"notes\": {\"value\": \"tanpa keputusan\"}}",
        "{\"decision\": {\"value\": \"OBJECTION\"}}", "{\"decision\": {\"value\": \"X\\u0000\"}}",
        "{\"decision\": {\"value\": \"NO_OBJECTION\"}, \"agreementId\": {\"value\": 1}}",
        "{\"decision\": {\"value\": \"NO_OBJECTION\"}, \"x\": {\"value\": \"rO0ABXQAAWE=\", \"type\": \"Object\","
            + " \"valueInfo\": {\"objectTypeName\": \"java.lang.String\", \"serializationDataFormat\":"
            + " \"application/x-java-serialized-object\"}}}")) {
      HttpResponse<String> answer = tasklist.post(webappPath, "{\"variables\": " + variables + "}");
      refused("webapp task form", "webapp: " + variables, new Response(answer.statusCode(), answer.body(), json));
    }
    HttpResponse<String> broken = tasklist.post(webappPath, "{\"variables\": {");
    refused("webapp task form", "webapp: broken JSON", new Response(broken.statusCode(), broken.body(), json));
    // Admin's calls on the same API: a weak password was a 500 there
    SecurityAttackIT.WebappSession admin = SecurityAttackIT.WebappSession.login(port, ADMIN, ADMIN_PASSWORD);
    HttpResponse<String> weak = admin.post("/camunda/api/engine/engine/default/user/create", "{\"profile\":"
        + " {\"id\": \"fuzzlemah\", \"firstName\": \"Lemah\", \"lastName\": \"Sandi\"},"
        + " \"credentials\": {\"password\": \"lemah\"}}");
    refused("webapp", "webapp: weak password", new Response(weak.statusCode(), weak.body(), json), 400);

    // administrators are exempt from the engine guard's variable rules, not from the types nobody may store
    String instance = check(get(ADMIN, "/engine-rest/process-instance?businessKey=" + key
        + "&processDefinitionKey=cooperation-lifecycle"), 200).json().get(0).get("id").asText();
    for (Object bad : badValues().subList(12, 14)) {
      refused("engine-rest admin", "admin sets " + abbreviate(String.valueOf(bad)), put(ADMIN,
          "/engine-rest/process-instance/" + instance + "/variables/fuzzObjek", bad));
    }
    assertThat(get(ADMIN, "/engine-rest/process-instance/" + instance + "/variables/fuzzObjek").status())
        .isEqualTo(404);

    assertThat(check(get(seat, "/engine-rest/task/" + recommend), 200).json().get("id").asText())
        .as("the task is still open").isEqualTo(recommend);
    assertThat(events(agreementId)).as("nothing written to the audit trail").isEqualTo(eventsBefore);
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM tpoa_recommendation WHERE agreement_id = ?", Integer.class,
        agreementId)).as("no recommendation recorded").isZero();
    check(post(seat, "/engine-rest/task/" + recommend + "/submit-form",
        Map.of("variables", Map.of("decision", value("NO_OBJECTION")))), 204);
    assertThat(events(agreementId)).isEqualTo(eventsBefore + 1);
  }

  // ------------------------------------------------------------------ /api and the edge

  @Test
  void theApplicationsOwnApiAnswersBadRequestsWith4xx() {
    String fasker = userOf("fasker");
    for (String query : List.of("type=BILATERAL", "phase=X", "status=%00", "province=%01", "endBefore=31-12-2026",
        "endAfter=kemarin", "page=-1", "page=abc", "size=0", "size=100000", "size=1e3", "sort=judul,asc",
        "sort=title,upward", "q=" + "a".repeat(5000) + "%00", "q=%7F", "sector=ASTRONOMI", "documentKind=AKTA",
        "format=csv&type=X", "ministry=%00kemensos")) {
      refused("/api", "GET /api/agreements?" + abbreviate(query), getAsIs(fasker, "/api/agreements?" + query));
    }
    for (String path : List.of("/api/agreements/abc", "/api/agreements/99999999999999999999999",
        "/api/agreements/-1", "/api/agreements/1/documents/x/versions/1/content", "/api/tidak-ada",
        "/api/admin/imports/abc")) {
      refused("/api", "GET " + path, get(ADMIN, path));
    }
    refused("/api", "DELETE /api/agreements/1", exchange(ADMIN, "DELETE", "/api/agreements/1", null));
    refused("/api", "POST /api/agreements", post(ADMIN, "/api/agreements", Map.of("title", "x")));
    for (String raw : malformedJson()) {
      refused("/api", "PUT /api/me/notifications " + abbreviate(raw), raw(fasker, "PUT", "/api/me/notifications",
          "application/json", raw.getBytes(StandardCharsets.UTF_8)));
      refused("/api", "POST /api/admin/migrations " + abbreviate(raw), raw(ADMIN, "POST", "/api/admin/migrations",
          "application/json", raw.getBytes(StandardCharsets.UTF_8)));
    }
    for (String body : List.of("{\"enabled\": \"mungkin\"}", "{\"enabled\": [true]}",
        "{\"enabled\": {\"a\": 1}}", "{\"enabled\": \"\\u0000\"}", "{}", "[true]")) {
      refused("/api", "PUT /api/me/notifications " + body, raw(fasker, "PUT", "/api/me/notifications",
          "application/json", body.getBytes(StandardCharsets.UTF_8)));
    }
    for (String body : List.of("{\"processDefinitionKey\": \"x\\u0000\"}", "{\"processDefinitionKey\": 5,"
        + " \"sourceVersion\": \"satu\"}", "{\"processDefinitionKey\": [\"a\"]}", "{\"sourceVersion\": -1}")) {
      refused("/api", "POST /api/admin/migrations " + body, raw(ADMIN, "POST", "/api/admin/migrations",
          "application/json", body.getBytes(StandardCharsets.UTF_8)));
    }
    refused("/api", "import as XML", raw(ADMIN, "POST", "/api/admin/imports", "application/xml",
        "<a/>".getBytes(StandardCharsets.UTF_8)));
    refused("/api", "import without a file part", raw(ADMIN, "POST", "/api/admin/imports",
        "multipart/form-data; boundary=x", "--x--\r\n".getBytes(StandardCharsets.UTF_8)));
    refused("/api", "import of an empty body", raw(ADMIN, "POST", "/api/admin/imports", "text/csv", new byte[0]));

    // a duplicate authorization was a 500 with the database's text
    Map<String, Object> grant = Map.of("type", 1, "permissions", List.of("READ"), "groupId", PROVINCE,
        "resourceType", 7, "resourceId", "fuzz-" + System.nanoTime());
    check(post(ADMIN, "/engine-rest/authorization/create", grant), 200);
    JsonNode duplicate = refused("/engine-rest", "duplicate authorization",
        post(ADMIN, "/engine-rest/authorization/create", grant)).json();
    assertThat(duplicate.get("message").asText()).contains("sudah ada");
    // a group id of 300 characters, a user's name of 100,000
    refused("/engine-rest", "group id too long", post(ADMIN, "/engine-rest/group/create",
        Map.of("id", "g" + "x".repeat(300), "name", "terlalu panjang", "type", "UJI")));
    refused("/engine-rest", "NUL in a user's name", post(ADMIN, "/engine-rest/user/create", Map.of(
        "profile", Map.of("id", "fuzzuser" + System.nanoTime() % 100000, "firstName", "A\u0000", "lastName", "B"),
        "credentials", Map.of("password", PASSWORD))));
  }

  @Test
  void everyRequestPathHasASizeLimit() throws Exception {
    // 23.7 MB of CSV used to be taken in whole
    byte[] csv = ("legacy_number,title\n" + "1,x\n".repeat(6_000_000)).getBytes(StandardCharsets.UTF_8);
    assertThat(csv.length).isGreaterThan(23_000_000);
    JsonNode tooLarge = refused("size", "text/csv of 24 MB to /api", raw(ADMIN, "POST", "/api/agreements",
        "text/csv", csv), 413).json();
    assertThat(tooLarge.get("message").asText()).contains("terlalu besar").contains("21 MB");
    refused("size", "multipart deployment of 24 MB", upload(ADMIN, "/engine-rest/deployment/create", "besar.bpmn",
        csv), 413);
    // the legacy import has a larger limit of its own (kerjasama.legacy-import.max-request-size, 65 MB);
    // ImportUploadLimitIT has the files between the two limits
    byte[] hugeCsv = new byte[66 * 1024 * 1024];
    java.util.Arrays.fill(hugeCsv, (byte) 'x');
    JsonNode hugeImport = refused("size", "text/csv import of 66 MB", raw(ADMIN, "POST", "/api/admin/imports",
        "text/csv", hugeCsv), 413).json();
    assertThat(hugeImport.get("message").asText()).contains("terlalu besar").contains("65 MB");
    byte[] bigJson = ("{\"variables\": {\"title\": {\"value\": \"" + "a".repeat(2_000_000) + "\"}}}")
        .getBytes(StandardCharsets.UTF_8);
    String proposer = userOf(PROVINCE);
    refused("size", "2 MB of JSON to /engine-rest", raw(proposer, "POST", LIFECYCLE_START, "application/json",
        bigJson), 413);
    refused("size", "2 MB of JSON to /api", raw(userOf("fasker"), "PUT", "/api/me/notifications",
        "application/json", bigJson), 413);
    // without a Content-Length (chunked): the limit still holds
    refused("size", "2 MB of chunked JSON to /engine-rest", chunked(proposer, LIFECYCLE_START, "application/json",
        bigJson), 413);
    refused("size", "24 MB of chunked CSV", chunked(ADMIN, "/api/agreements", "text/csv", csv), 413);
    // below the limits all is as before
    byte[] smallJson = "{\"enabled\": true}".getBytes(StandardCharsets.UTF_8);
    assertThat(chunked(userOf("fasker"), "/api/me/notifications", "application/json", smallJson, "PUT").status())
        .isEqualTo(200);
  }

  @Test
  void randomCsvFilesNeverImportAHalfRowNorAnswer5xx() {
    Integer keysBefore = jdbc.queryForObject("SELECT COUNT(*) FROM agreement_legacy_key", Integer.class);
    Random random = new Random(1413);
    String header = "legacy_number,cooperation_type,title,partner_name,partner_country,proposer_unit,"
        + "location_provinces,sectors,document_kind,document_number,signatories,signed_on,start_date,end_date";
    String[] pieces = {"\"", "\"\"", ",", ";", "\n", "\r", "\r\n", "\u0000", "\u001b", "é", "\uFEFF", "13",
        "province-13", "DALAM_NEGERI", "PKS", "2024-13-45", "31/02/2024", "", " ", "x".repeat(400), "\t", "\\"};
    int files = Integer.getInteger("fuzz.csv", 60);
    for (int i = 0; i < files; i++) {
      StringBuilder file = new StringBuilder(random.nextInt(4) == 0 ? "" : header + "\n");
      for (int line = 0, lines = 1 + random.nextInt(6); line < lines; line++) {
        for (int cell = 0, cells = random.nextInt(18); cell < cells; cell++) {
          file.append(pieces[random.nextInt(pieces.length)]);
          if (random.nextBoolean()) {
            file.append(',');
          }
        }
        file.append('\n');
      }
      byte[] bytes = random.nextInt(5) == 0 ? randomBytes(random) : file.toString().getBytes(StandardCharsets.UTF_8);
      Response answer = random.nextBoolean()
          ? raw(ADMIN, "POST", "/api/admin/imports?fileName=acak-" + i + ".csv", "text/csv", bytes)
          : upload(ADMIN, "/api/admin/imports", "acak-" + i + ".csv", bytes);
      count("csv", answer.status());
      assertThat(answer.status()).as("file " + i + ": " + answer.body()).isIn(200, 400);
      assertThat(TECHNICAL.matcher(answer.body()).find()).as("technical text: " + answer.body()).isFalse();
      if (answer.status() == 200) {
        assertThat(answer.json().get("importedRows").asInt()).as("file " + i).isZero();
      } else {
        assertThat(INDONESIAN.matcher(answer.json().get("message").asText()).find()).as(answer.body()).isTrue();
      }
    }
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM agreement_legacy_key", Integer.class))
        .as("no agreement from garbage").isEqualTo(keysBefore);
  }

  // ------------------------------------------------------------------ database connections lost

  @Test
  void killedDatabaseConnectionsHealWithoutHelp() throws Exception {
    String fasker = userOf("fasker");
    check(get(fasker, "/api/agreements?size=1"), 200);
    List<Long> healMillis = new ArrayList<>();
    int failedDuringOutage = 0;
    for (int round = 0; round < 3; round++) {
      int killed = terminateApplicationConnections();
      assertThat(killed).as("connections terminated").isPositive();
      long started = System.nanoTime();
      boolean healthy = false;
      while (System.nanoTime() - started < 20_000_000_000L) {
        Response health = exchange(null, "GET", "/actuator/health", null);
        Response api = get(fasker, "/api/agreements?size=1&q=" + PROVINCE);
        for (Response r : List.of(health, api)) {
          assertThat(TECHNICAL.matcher(r.body()).find()).as("technical text: " + r.body()).isFalse();
        }
        if (health.status() == 200 && api.status() == 200) {
          healthy = true;
          break;
        }
        failedDuringOutage++;
        Thread.sleep(100);
      }
      assertThat(healthy).as("answering again within 20 s of round " + round).isTrue();
      healMillis.add((System.nanoTime() - started) / 1_000_000);
      // and it stays so: writes too
      for (int i = 0; i < 10; i++) {
        check(get(fasker, "/api/agreements?size=5"), 200);
      }
      check(put(fasker, "/api/me/notifications", Map.of("enabled", round % 2 == 0)), 200);
    }
    System.out.printf(Locale.ROOT, "[fault-suite] database connections killed 3 times: answering again after %s ms;"
        + " %d failed probes during the outages%n", healMillis, failedDuringOutage);
    count("faults: connections killed", 3);
  }

  @AfterAll
  static void figures() {
    int total = FIGURES.entrySet().stream().filter(e -> !e.getKey().startsWith("faults"))
        .mapToInt(e -> e.getValue().get()).sum();
    int serverErrors = FIGURES.entrySet().stream().filter(e -> e.getKey().matches(".* 5\\d\\d"))
        .mapToInt(e -> e.getValue().get()).sum();
    System.out.println("[fault-suite] " + total + " inputs tried, " + serverErrors + " answered 5xx; by answer: "
        + FIGURES);
  }

  // ------------------------------------------------------------------ helpers

  /** A refusal: the status (any 4xx if none given), an Indonesian message, no technical text. */
  Response refused(String area, String what, Response answer, int... status) {
    count(area, answer.status());
    if (status.length > 0) {
      assertThat(answer.status()).as(what + ": " + answer.body()).isEqualTo(status[0]);
    } else {
      assertThat(answer.status()).as(what + ": " + answer.body()).isBetween(400, 499);
    }
    assertThat(TECHNICAL.matcher(answer.body()).find()).as(what + " shows technical text: " + answer.body())
        .isFalse();
    JsonNode message = answer.json().get("message");
    assertThat(message).as(what + ": " + answer.body()).isNotNull();
    assertThat(INDONESIAN.matcher(message.asText()).find()).as(what + " in Bahasa Indonesia: " + answer.body())
        .isTrue();
    return answer;
  }

  static void count(String area, int status) {
    FIGURES.computeIfAbsent(area + " " + status, k -> new AtomicInteger()).incrementAndGet();
  }

  /** Values that break any field: wrong kinds, too long, control characters, types the engine must refuse. */
  static List<Object> badValues() {
    List<Object> values = new ArrayList<>();
    values.add(value("x\u0000y"));
    values.add(value("\u0001"));
    values.add(value("teks\u001b[31m"));
    values.add(value("\u007f"));
    values.add(value("a".repeat(100_000)));
    values.add(value(""));
    values.add(Map.of("value", "abc", "type", "Long"));
    values.add(Map.of("value", "kemarin", "type", "Date"));
    values.add(Map.of("value", "{", "type", "Json"));
    values.add(Map.of("value", "[\"x\u0000\"]", "type", "Json"));
    values.add(Map.of("value", 1e300, "type", "Integer"));
    values.add(Map.of("value", "x", "type", "TidakAda"));
    values.add(Map.of("value", "<a/>", "type", "Xml"));
    values.add(Map.of("value", Base64.getEncoder().encodeToString("serial".getBytes(StandardCharsets.UTF_8)),
        "type", "Object", "valueInfo", Map.of("objectTypeName", "java.util.HashMap",
            "serializationDataFormat", "application/x-java-serialized-object")));
    values.add(Map.of("value", "{\"a\":1}", "type", "Object", "valueInfo", Map.of("objectTypeName",
        "java.net.URL", "serializationDataFormat", "application/json")));
    values.add(Map.of("value", "AAEC", "type", "Bytes"));
    values.add(Map.of("value", "AAEC", "type", "File", "valueInfo", Map.of("filename", "a.exe")));
    values.add(Map.of("value", List.of(1, 2)));
    values.add(Map.of("value", Map.of("a", Map.of("b", "c"))));
    values.add(Map.of("value", true));
    values.add(Map.of("value", -5, "type", "Long"));
    values.add("teks polos tanpa value");
    values.add(List.of("daftar"));
    return values;
  }

  /** Variables no form declares, and protected ones. */
  static Map<String, Object> extraVariables() {
    Map<String, Object> extra = new LinkedHashMap<>();
    extra.put("agreementId", Map.of("value", 1, "type", "Long"));
    extra.put("proposerGroup", value("province-31"));
    extra.put("approvalOutcome", value("APPROVED"));
    extra.put("variabelTakDikenal", value("x"));
    extra.put("x\u0000", value("nama dengan NUL"));
    return extra;
  }

  static List<String> malformedJson() {
    return List.of("", "{", "[", "}", "null", "true", "\"teks\"", "{\"variables\": 5}", "{\"variables\": [1, 2]}",
        "{\"variables\": {\"title\": 5}}", "{\"variables\": {\"title\": {\"value\": }}}", "{'variables': {}}",
        "{\"variables\": {\"title\": {\"value\": \"a\"}}", "\u0000", "{\"variables\"\u0000: {}}",
        "[".repeat(5_000) + "]".repeat(5_000), "{\"a\": " + "9".repeat(5_000) + "}", "<xml/>",
        "{\"variables\": {\"title\": {\"value\": \"\\ud800\"}}}", "\uFEFF{\"variables\": {}}",
        "{\"variables\": {\"title\": {\"value\": \"a\", \"type\": \"String\", \"valueInfo\": 5}}}");
  }

  Map<String, Object> proposal() {
    Map<String, Object> vars = new HashMap<>();
    vars.put("cooperationType", value("DALAM_NEGERI"));
    vars.put("title", value("Kerja sama uji ketahanan Sumatera Barat"));
    vars.put("partnerName", value("Pemerintah Kota Padang"));
    vars.put("partnerCountry", value("Indonesia"));
    vars.put("proposerUnit", value(PROVINCE));
    vars.put("locationProvinces", json("[\"13\"]"));
    vars.put("sectors", json("[\"EKONOMI\"]"));
    vars.put("proposedStart", value(LifecycleWalkingTest.TODAY.plusDays(7).toString()));
    vars.put("durationMonths", Map.of("value", 12, "type", "Long"));
    return vars;
  }

  static Map<String, Object> body(Map<String, Object> variables) {
    return Map.of("variables", variables);
  }

  int agreementsOf13() {
    return jdbc.queryForObject("SELECT COUNT(*) FROM agreement WHERE proposer_province = ? OR proposer_unit = ?",
        Integer.class, PROVINCE, PROVINCE);
  }

  int instancesStartedBy(String user) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM act_hi_procinst WHERE start_user_id_ = ?", Integer.class, user);
  }

  int events(long agreementId) {
    return jdbc.queryForObject("SELECT COUNT(*) FROM agreement_event WHERE agreement_id = ?", Integer.class,
        agreementId);
  }

  String openTask(String businessKey, String taskKey) {
    awaitFollowUps(businessKey);
    return check(get(ADMIN, "/engine-rest/task?processInstanceBusinessKey=" + businessKey + "&taskDefinitionKey="
        + taskKey), 200).json().get(0).get("id").asText();
  }

  String openTaskOf(String businessKey, String taskKey, String group) {
    awaitFollowUps(businessKey);
    JsonNode tasks = check(get(ADMIN, "/engine-rest/task?processInstanceBusinessKey=" + businessKey
        + "&taskDefinitionKey=" + taskKey + "&candidateGroup=" + group), 200).json();
    assertThat(tasks).as(taskKey + " of " + group).isNotEmpty();
    return tasks.get(0).get("id").asText();
  }

  /** A GET of {@code pathAndQuery} exactly as written (its %-escapes not escaped again). */
  Response getAsIs(String user, String pathAndQuery) {
    String password = ADMIN.equals(user) ? ADMIN_PASSWORD : PASSWORD;
    return client(user, password).get().uri(URI.create("http://localhost:" + port + pathAndQuery))
        .accept(MediaType.APPLICATION_JSON)
        .exchange((req, res) -> new Response(res.getStatusCode().value(),
            new String(res.getBody().readAllBytes(), StandardCharsets.UTF_8), json));
  }

  static byte[] randomBytes(Random random) {
    byte[] bytes = new byte[1 + random.nextInt(3000)];
    random.nextBytes(bytes);
    return bytes;
  }

  static String abbreviate(String text) {
    String shown = text.replaceAll("\\p{Cntrl}", "?");
    return shown.length() > 60 ? shown.substring(0, 60) + "…(" + shown.length() + ")" : shown;
  }

  /** Terminates every connection of the application's database but this one (as a failover or restart would). */
  static int terminateApplicationConnections() throws Exception {
    try (Connection c = DriverManager.getConnection(System.getProperty("SPRING_DATASOURCE_URL"),
        System.getProperty("SPRING_DATASOURCE_USERNAME"), System.getProperty("SPRING_DATASOURCE_PASSWORD"));
         Statement s = c.createStatement();
         ResultSet rs = s.executeQuery("SELECT COUNT(*) FILTER (WHERE pg_terminate_backend(pid)) FROM pg_stat_activity"
             + " WHERE datname = current_database() AND pid <> pg_backend_pid()")) {
      rs.next();
      return rs.getInt(1);
    }
  }
}
