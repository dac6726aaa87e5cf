package id.go.kerjasama.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import id.go.kerjasama.platform.tasklist.TasklistFilters;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What Tasklist reads for its task cards, over the REST API as a real user:
 * every seeded filter names the registration number, the cooperation's title
 * and the proposer as card variables, and the filter's task list (HAL, as
 * Tasklist requests it) carries their values. Uses province 16 (Sumatera Selatan).
 */
class TasklistCardsIT extends IntegrationTest {

  private static final String TITLE = "Pertukaran pelajar Sumatera Selatan dan Jepang";

  @Test
  void everySeededFilterShowsNumberTitleAndProposerOnTheCards() throws Exception {
    String key = started(check(post(userOf("province-16"),
        "/engine-rest/process-definition/key/cooperation-lifecycle/submit-form",
        Map.of("variables", proposal())), 200).json()).get("businessKey").asText();

    JsonNode filters = check(get(userOf("province-16"), "/engine-rest/filter?resourceType=Task"), 200).json();
    List<String> seeded = List.of(TasklistFilters.MY_TASKS, TasklistFilters.GROUP_TASKS,
        TasklistFilters.OVERDUE, TasklistFilters.DUE_THIS_WEEK);
    String groupFilter = null;
    for (JsonNode filter : filters) {
      if (!seeded.contains(filter.get("name").asText())) {
        continue;
      }
      JsonNode cards = filter.get("properties").get("variables");
      assertThat(cards.findValuesAsText("name")).as(filter.get("name").asText())
          .containsExactly("registrationNumber", "cooperationTitle", "proposerName");
      assertThat(cards.findValuesAsText("label")).containsExactly("Nomor registrasi", "Judul kerja sama", "Pengusul");
      if (filter.get("name").asText().equals(TasklistFilters.GROUP_TASKS)) {
        groupFilter = filter.get("id").asText();
      }
    }
    assertThat(groupFilter).isNotNull();

    // the province's first task (recording its DPRD's approval) as Tasklist lists it
    String body = client(userOf("province-16"), PASSWORD).get()
        .uri("/engine-rest/filter/" + groupFilter + "/list?firstResult=0&maxResults=50")
        .header("Accept", "application/hal+json")
        .retrieve().body(String.class);
    JsonNode list = json.readTree(body);
    JsonNode tasks = list.get("_embedded").get("task");
    assertThat(tasks).isNotEmpty();
    Map<String, String> shown = new HashMap<>();
    // Tasklist reads the card variables embedded in the HAL list (per task, or beside the tasks)
    for (JsonNode embedded : list.findValues("variable")) {
      for (JsonNode variable : embedded) {
        shown.merge(variable.get("name").asText(), variable.get("value").asText(), (a, b) -> a + "|" + b);
      }
    }
    assertThat(shown).as(body).containsKeys("registrationNumber", "cooperationTitle", "proposerName");
    assertThat(shown.get("registrationNumber")).contains(key);
    assertThat(shown.get("cooperationTitle")).contains(TITLE);
    assertThat(shown.get("proposerName")).contains("Sumatera Selatan").doesNotContain("province-16");
  }

  private Map<String, Object> proposal() {
    Map<String, Object> vars = new HashMap<>();
    vars.put("cooperationType", value("LUAR_NEGERI"));
    vars.put("title", value(TITLE));
    vars.put("partnerName", value("Mitra uji"));
    vars.put("partnerCountry", value("Jepang"));
    vars.put("proposerUnit", value("province-16"));
    vars.put("locationProvinces", json("[\"16\"]"));
    vars.put("sectors", json("[\"PENDIDIKAN\"]"));
    vars.put("proposedStart", value(LifecycleRestIT.TODAY.plusDays(7).toString()));
    vars.put("durationMonths", Map.of("value", 12, "type", "Long"));
    return vars;
  }
}
