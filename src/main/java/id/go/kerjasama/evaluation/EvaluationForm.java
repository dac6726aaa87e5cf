package id.go.kerjasama.evaluation;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.go.kerjasama.platform.forms.DeclaredForm;
import id.go.kerjasama.platform.forms.FieldRule;
import id.go.kerjasama.platform.forms.FormValues;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.camunda.spin.json.SpinJsonNode;

/**
 * Reads and checks the evaluation forms (forms/evaluation/): the seven scores
 * with their justifications, and the lists of indicators and success stories
 * that Tasklist submits as Json (REST clients as Json or a JSON string, Java
 * clients as lists of maps). Every problem is named, in Bahasa Indonesia.
 * Each field's limits are the deployed form's validate blocks (the form the
 * values are bound to); what a form cannot express stays here: a score is one
 * of the radio's options 1–5 (the rating table's scale), at least one
 * indicator, at most {@value #MAX_INDICATORS} indicators and
 * {@value #MAX_STORIES} stories (form-js lists have no row limits), and a
 * story's title and description come together (a cross-field rule).
 */
final class EvaluationForm {

  static final int MAX_INDICATORS = 30;
  static final int MAX_STORIES = 10;

  private EvaluationForm() {
  }

  /** All form fields this form may have submitted: they leave the process variables after reading. */
  static List<String> fields() {
    List<String> fields = new ArrayList<>();
    for (Criterion c : Criterion.values()) {
      fields.add(c.scoreField());
      fields.add(c.justificationField());
    }
    fields.add(EvaluationProcess.FIELD_INDICATORS);
    fields.add(EvaluationProcess.FIELD_SUCCESS_STORIES);
    return fields;
  }

  /**
   * @param form           the submitted values, bound to the deployed evaluation form
   * @param withIndicators the self-evaluation reports the indicators (at least one);
   *                       Fasker's evaluation uses those
   * @param json           reads the lists Tasklist submits as JSON text
   */
  static Assessment read(FormValues form, boolean withIndicators, ObjectMapper json) {
    Map<Criterion, Assessment.Score> scores = new EnumMap<>(Criterion.class);
    for (Criterion c : Criterion.values()) {
      Integer score = form.integer(c.scoreField(), "Nilai " + c.label(), 1, 5);
      String justification = form.text(c.justificationField(), "Alasan nilai " + c.label());
      if (score != null && justification != null) {
        scores.put(c, new Assessment.Score(score, justification));
      }
    }
    List<Assessment.Indicator> indicators = withIndicators ? indicators(form, json) : List.of();
    List<Assessment.SuccessStory> stories = stories(form, json);
    String notes = form.optionalText(EvaluationProcess.FIELD_NOTES, "Catatan");
    form.throwIfInvalid();
    return new Assessment(scores, indicators, stories, notes);
  }

  private static List<Assessment.Indicator> indicators(FormValues form, ObjectMapper json) {
    String list = EvaluationProcess.FIELD_INDICATORS;
    if (!form.passed(list)) {
      return List.of(); // each item's limits (target above 0: its min) are the form's; it named the problems
    }
    List<Map<String, Object>> rows = filled(form, list, json);
    if (rows.isEmpty()) {
      form.problem("Indikator keberhasilan wajib diisi (paling sedikit 1)");
    } else if (rows.size() > MAX_INDICATORS) {
      form.problem("Indikator keberhasilan paling banyak " + MAX_INDICATORS);
    }
    List<Assessment.Indicator> indicators = new ArrayList<>();
    for (int i = 0; i < rows.size() && i < MAX_INDICATORS; i++) {
      Map<String, Object> row = rows.get(i);
      indicators.add(new Assessment.Indicator(text(row.get("name")), text(row.get("unit")),
          FieldRule.number(row.get("target")), FieldRule.number(row.get("achieved"))));
    }
    return indicators;
  }

  private static List<Assessment.SuccessStory> stories(FormValues form, ObjectMapper json) {
    String list = EvaluationProcess.FIELD_SUCCESS_STORIES;
    if (!form.passed(list)) {
      return List.of(); // lengths are the form's; it named the problems
    }
    List<Map<String, Object>> rows = filled(form, list, json);
    if (rows.size() > MAX_STORIES) {
      form.problem("Kisah sukses paling banyak " + MAX_STORIES);
    }
    List<Assessment.SuccessStory> stories = new ArrayList<>();
    for (int i = 0; i < rows.size() && i < MAX_STORIES; i++) {
      String title = text(rows.get(i).get("title"));
      String story = text(rows.get(i).get("story"));
      String prefix = "Kisah sukses " + (i + 1) + ": ";
      // both or neither: a cross-field rule the form cannot say
      if (title == null) {
        form.problem(prefix + "judul wajib diisi bila uraian diisi");
      } else if (story == null) {
        form.problem(prefix + "uraian untuk replikasi wajib diisi bila judul diisi");
      } else {
        stories.add(new Assessment.SuccessStory(title, story));
      }
    }
    return stories;
  }

  /** The rows of a dynamic list the form's check passed, without the empty ones Tasklist leaves. */
  private static List<Map<String, Object>> filled(FormValues form, String list, ObjectMapper json) {
    DeclaredForm.DynamicList declared = form.form().lists().get(list);
    return objects(form, form.value(list), list, json).stream()
        .filter(row -> declared == null || !DeclaredForm.isBlankRow(declared, row))
        .toList();
  }

  /** A list of objects: Json (Spin), a JSON string, or a Java collection of maps. */
  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> objects(FormValues form, Object value, String label, ObjectMapper mapper) {
    if (value == null) {
      return List.of();
    }
    try {
      if (value instanceof SpinJsonNode json) {
        return mapper.readValue(json.toString(), new TypeReference<>() { });
      }
      if (value instanceof String s) {
        return s.isBlank() ? List.of() : mapper.readValue(s, new TypeReference<>() { });
      }
      if (value instanceof Collection<?> c) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Object o : c) {
          if (!(o instanceof Map<?, ?> m)) {
            throw new IllegalArgumentException("not an object: " + o);
          }
          rows.add((Map<String, Object>) m);
        }
        return rows;
      }
    } catch (Exception e) {
      form.problem(label + " tidak dapat dibaca: harus daftar isian");
      return List.of();
    }
    form.problem(label + " tidak dapat dibaca: harus daftar isian");
    return List.of();
  }

  private static String text(Object v) {
    if (v == null) {
      return null;
    }
    String s = v.toString().trim();
    return s.isEmpty() ? null : s;
  }

}
