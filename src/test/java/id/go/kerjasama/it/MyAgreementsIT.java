package id.go.kerjasama.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import id.go.kerjasama.platform.tasklist.TasklistFilters;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * "Kerja sama saya" ({@code GET /api/agreements/mine}) and the Tasklist
 * search by title or number, over HTTP as real users against PostgreSQL:
 * a province sees its own agreement with its phase and its next open task
 * (the same task, group and due date the engine holds), not another
 * province's, whatever parameter it adds; a card is found by part of its
 * title and by its number the way Tasklist's search box asks for it.
 * Uses provinces 18 (Lampung) and 19 (Kepulauan Bangka Belitung).
 */
class MyAgreementsIT extends IntegrationTest {

  private static final String TITLE_18 = "Kemitraan kopi robusta Lampung dan Kolombia";
  private static final String TITLE_19 = "Kemitraan lada putih Bangka dan Vietnam";

  @Test
  void aProvinceSeesItsOwnAgreementsWithPhaseAndNextTaskAndNotAnotherProvinces() throws Exception {
    String lampung = userOf("province-18");
    String bangka = userOf("province-19");
    String key18 = start(lampung, "province-18", "18", TITLE_18);
    String key19 = start(bangka, "province-19", "19", TITLE_19);

    JsonNode own = item(check(get(lampung, "/api/agreements/mine?size=50"), 200).json(), key18);
    assertThat(own).as("Lampung's own agreement").isNotNull();
    assertThat(own.get("title").asText()).isEqualTo(TITLE_18);
    // registered and gone on to central approval, where its TKKSD reviews it first
    assertThat(own.get("phase").asText()).isEqualTo("CENTRAL_APPROVAL");
    assertThat(own.get("phaseLabel").asText()).isEqualTo(check(get(lampung, "/api/agreements/" + own.get("id").asLong()),
        200).json().get("phaseLabel").asText()).isNotBlank().doesNotContain("_");

    // the next task is the one the engine holds for this agreement, soonest due first
    JsonNode tasks = check(get(ADMIN, "/engine-rest/task?processInstanceBusinessKey=" + key18
        + "&sortBy=dueDate&sortOrder=asc"), 200).json();
    assertThat(tasks).isNotEmpty();
    JsonNode engineTask = tasks.get(0);
    JsonNode next = own.get("nextTask");
    assertThat(next.get("taskId").asText()).isEqualTo(engineTask.get("id").asText());
    assertThat(next.get("name").asText()).isEqualTo(engineTask.get("name").asText());
    assertThat(own.get("openTasks").asInt()).isEqualTo(tasks.size());
    List<String> candidates = new ArrayList<>();
    for (JsonNode link : check(get(ADMIN, "/engine-rest/task/" + engineTask.get("id").asText()
        + "/identity-links?type=candidate"), 200).json()) {
      if (link.hasNonNull("groupId")) {
        candidates.add(link.get("groupId").asText());
      }
    }
    assertThat(next.get("groups").findValuesAsText("id")).containsExactlyInAnyOrderElementsOf(candidates);
    assertThat(next.get("groups").findValuesAsText("name")).allSatisfy(name -> assertThat(name).isNotBlank());
    if (engineTask.hasNonNull("due")) {
      String due = Instant.from(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ")
              .parse(engineTask.get("due").asText())).atZone(ZoneId.of("Asia/Jakarta")).toLocalDate()
          .format(DateTimeFormatter.ofPattern("dd/MM/yyyy"));
      assertThat(next.get("dueText").asText()).isEqualTo(due);
    } else {
      assertThat(next.get("dueText").isNull()).isTrue();
    }

    // not another province's, however the request names it: the scope is the user's groups
    for (String path : List.of("/api/agreements/mine?size=50", "/api/agreements/mine?size=50&proposer=province-19",
        "/api/agreements/mine?size=50&province=19", "/api/agreements/mine?size=50&q=" + key19)) {
      JsonNode page = check(get(lampung, path), 200).json();
      assertThat(item(page, key19)).as(path).isNull();
    }
    JsonNode bangkaPage = check(get(bangka, "/api/agreements/mine?size=50"), 200).json();
    assertThat(item(bangkaPage, key19)).isNotNull();
    assertThat(item(bangkaPage, key18)).isNull();

    // free text narrows the own list: part of the title, any case
    JsonNode byTitle = check(get(lampung, "/api/agreements/mine?q=kopi+ROBUSTA"), 200).json();
    assertThat(item(byTitle, key18)).isNotNull();
    assertThat(item(check(get(lampung, "/api/agreements/mine?q=lada"), 200).json(), key18)).isNull();

    // too large a page is a clear 400 in Indonesian
    Response tooLarge = get(lampung, "/api/agreements/mine?size=500");
    assertThat(tooLarge.status()).isEqualTo(400);
    assertThat(tooLarge.body()).contains("Ukuran halaman");
  }

  @Test
  void tasklistsSearchFindsACardByPartOfItsTitleOrByItsNumber() throws Exception {
    String lampung = userOf("province-18");
    String title = "Sekolah lapang kakao Lampung Tengah " + System.nanoTime();
    String key = start(lampung, "province-18", "18", title);
    String filter = filterId(lampung, TasklistFilters.GROUP_TASKS);

    // what Tasklist sends when the officer picks "Judul kerja sama", "like" and types part of the title
    // (its search wraps the text in %...%), without case: the card of this agreement
    Map<String, Object> byTitle = Map.of("processVariables",
        List.of(Map.of("name", "cooperationTitle", "operator", "like", "value", "%lapang kakao%")),
        "variableValuesIgnoreCase", true);
    assertThat(numbersOnCards(lampung, filter, byTitle)).containsOnly(key);

    // one box for both: title OR number ("match any"), as the Kerja sama saya search asks Tasklist
    for (String typed : List.of("LAPANG KAKAO", key)) {
      Map<String, Object> either = Map.of("orQueries", List.of(Map.of("processVariables", List.of(
          Map.of("name", "cooperationTitle", "operator", "like", "value", "%" + typed + "%"),
          Map.of("name", "registrationNumber", "operator", "like", "value", "%" + typed + "%")),
          // Tasklist puts the case option into the "match any" query, beside its criteria
          "variableValuesIgnoreCase", true)));
      assertThat(numbersOnCards(lampung, filter, either)).as(typed).containsOnly(key);
    }
    // another province's officer does not find it
    String bangka = userOf("province-19");
    assertThat(numbersOnCards(bangka, filterId(bangka, TasklistFilters.GROUP_TASKS), byTitle)).isEmpty();
  }

  private String filterId(String user, String name) {
    for (JsonNode filter : check(get(user, "/engine-rest/filter?resourceType=Task"), 200).json()) {
      if (filter.get("name").asText().equals(name)) {
        return filter.get("id").asText();
      }
    }
    throw new AssertionError("no filter " + name);
  }

  /** The registration numbers on the cards of the filter's HAL list, as Tasklist reads them. */
  private List<String> numbersOnCards(String user, String filter, Map<String, Object> search) throws Exception {
    String body = client(user, PASSWORD).post()
        .uri("/engine-rest/filter/" + filter + "/list?firstResult=0&maxResults=50")
        .header("Accept", "application/hal+json")
        .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
        .body(search)
        .retrieve().body(String.class);
    JsonNode list = json.readTree(body);
    List<String> numbers = new ArrayList<>();
    for (JsonNode embedded : list.findValues("variable")) {
      for (JsonNode variable : embedded) {
        if (variable.get("name").asText().equals("registrationNumber")
            && !numbers.contains(variable.get("value").asText())) {
          numbers.add(variable.get("value").asText());
        }
      }
    }
    return numbers;
  }

  private static JsonNode item(JsonNode page, String registrationNumber) {
    for (JsonNode item : page.get("items")) {
      if (item.get("registrationNumber").asText().equals(registrationNumber)) {
        return item;
      }
    }
    return null;
  }

  private String start(String user, String unit, String province, String title) {
    Map<String, Object> vars = new HashMap<>();
    vars.put("cooperationType", value("LUAR_NEGERI"));
    vars.put("title", value(title));
    vars.put("partnerName", value("Mitra uji"));
    vars.put("partnerCountry", value("Kolombia"));
    vars.put("proposerUnit", value(unit));
    vars.put("locationProvinces", json("[\"" + province + "\"]"));
    vars.put("sectors", json("[\"PERTANIAN\"]"));
    vars.put("proposedStart", value(LifecycleRestIT.TODAY.plusDays(7).toString()));
    vars.put("durationMonths", Map.of("value", 12, "type", "Long"));
    return started(check(post(user, "/engine-rest/process-definition/key/cooperation-lifecycle/submit-form",
        Map.of("variables", vars)), 200).json()).get("businessKey").asText();
  }
}
