package id.go.kerjasama.registry;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /api/agreements/{id}} keeps its JSON although the signings,
 * documents and evaluations now come from their modules' AgreementDetails:
 * they stand beside the timeline, in their beans' order, before details.
 */
class AgreementViewJsonTest {

  @Test
  void sectionsFollowTheTimelineAndDetailsComeLast() throws Exception {
    Map<String, Object> sections = new LinkedHashMap<>();
    sections.put("signings", List.of());
    sections.put("documents", List.of(Map.of("kind", "PKS")));
    sections.put("evaluations", List.of());
    AgreementController.AgreementView view = new AgreementController.AgreementView(null, "t", "p", "s", List.of(),
        sections, Map.of("terms", List.of(1)));

    JsonNode json = new ObjectMapper().valueToTree(view);

    List<String> keys = new ArrayList<>();
    json.fieldNames().forEachRemaining(keys::add);
    assertThat(keys).containsExactly("agreement", "typeLabel", "phaseLabel", "statusLabel", "timeline", "signings",
        "documents", "evaluations", "details");
    assertThat(json.at("/documents/0/kind").asText()).isEqualTo("PKS");
    assertThat(json.at("/details/terms/0").asInt()).isEqualTo(1);
  }
}
