package id.go.kerjasama.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The success stories' limits are written in the evaluation forms (for
 * Tasklist) and in EvaluationForm (the server's check): both forms say what
 * the server enforces, so nobody fills in a story the server then refuses.
 */
class EvaluationFormLimitsTest {

  @Test
  void bothFormsValidateTheSuccessStoriesAsTheServerDoes() throws IOException {
    for (String form : new String[] {"forms/evaluation/self-evaluate-cooperation.form",
        "forms/evaluation/evaluate-cooperation.form"}) {
      JsonNode stories = component(new ObjectMapper().readTree(Path.of(form).toFile()),
          EvaluationProcess.FIELD_SUCCESS_STORIES);

      JsonNode title = component(stories, "title").get("validate");
      assertThat(title.get("minLength").asInt()).as(form + " title").isEqualTo(EvaluationForm.STORY_TITLE_MIN);
      assertThat(title.get("maxLength").asInt()).as(form + " title").isEqualTo(EvaluationForm.STORY_TITLE_MAX);
      JsonNode story = component(stories, "story").get("validate");
      assertThat(story.get("minLength").asInt()).as(form + " story").isEqualTo(EvaluationForm.STORY_MIN);
      assertThat(story.get("maxLength").asInt()).as(form + " story").isEqualTo(EvaluationForm.STORY_MAX);
    }
  }

  private static JsonNode component(JsonNode parent, String key) {
    for (JsonNode c : parent.get("components")) {
      if (key.equals(c.path("key").asText()) || key.equals(c.path("path").asText())) {
        return c;
      }
    }
    throw new AssertionError("No field " + key);
  }
}
