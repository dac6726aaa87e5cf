package id.go.kerjasama.evaluation;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.go.kerjasama.platform.forms.FormValues;
import java.math.BigDecimal;
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
 */
final class EvaluationForm {

  static final int MAX_INDICATORS = 30;
  static final int MAX_STORIES = 10;
  /** A success story's title and description, in characters (the forms' successStories validate the same). */
  static final int STORY_TITLE_MIN = 3;
  static final int STORY_TITLE_MAX = 300;
  static final int STORY_MIN = 20;
  static final int STORY_MAX = 4000;

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
   * @param withIndicators the self-evaluation reports the indicators (at least one);
   *                       Fasker's evaluation uses those
   * @param json           reads the lists Tasklist submits as JSON text
   */
  static Assessment read(Map<String, Object> values, boolean withIndicators, ObjectMapper json) {
    FormValues form = new FormValues(values);
    Map<Criterion, Assessment.Score> scores = new EnumMap<>(Criterion.class);
    for (Criterion c : Criterion.values()) {
      Integer score = form.integer(c.scoreField(), "Nilai " + c.label(), 1, 5);
      String justification = form.text(c.justificationField(), "Alasan nilai " + c.label(), 5, 2000);
      if (score != null && justification != null) {
        scores.put(c, new Assessment.Score(score, justification));
      }
    }
    List<Assessment.Indicator> indicators = withIndicators ? indicators(form, values, json) : List.of();
    List<Assessment.SuccessStory> stories = stories(form, values, json);
    String notes = form.optionalText(EvaluationProcess.FIELD_NOTES, "Catatan", 4000);
    form.throwIfInvalid();
    return new Assessment(scores, indicators, stories, notes);
  }

  private static List<Assessment.Indicator> indicators(FormValues form, Map<String, Object> values,
                                                       ObjectMapper json) {
    List<Map<String, Object>> rows = objects(form, values.get(EvaluationProcess.FIELD_INDICATORS), "Indikator keberhasilan",
        json);
    List<Assessment.Indicator> indicators = new ArrayList<>();
    if (rows.isEmpty()) {
      form.problem("Indikator keberhasilan wajib diisi (paling sedikit 1)");
    } else if (rows.size() > MAX_INDICATORS) {
      form.problem("Indikator keberhasilan paling banyak " + MAX_INDICATORS);
    }
    for (int i = 0; i < rows.size() && i < MAX_INDICATORS; i++) {
      Map<String, Object> row = rows.get(i);
      String prefix = "Indikator " + (i + 1) + ": ";
      String name = text(row.get("name"));
      String unit = text(row.get("unit"));
      BigDecimal target = number(row.get("target"));
      BigDecimal achieved = number(row.get("achieved"));
      boolean ok = true;
      if (name == null || name.length() < 3 || name.length() > 300) {
        form.problem(prefix + "nama indikator harus 3 sampai 300 karakter");
        ok = false;
      }
      if (unit != null && unit.length() > 50) {
        form.problem(prefix + "satuan paling banyak 50 karakter");
        ok = false;
      }
      if (target == null || target.signum() <= 0) {
        form.problem(prefix + "target harus angka lebih dari 0");
        ok = false;
      }
      if (achieved == null || achieved.signum() < 0) {
        form.problem(prefix + "capaian harus angka 0 atau lebih");
        ok = false;
      }
      if (ok) {
        indicators.add(new Assessment.Indicator(name, unit, target, achieved));
      }
    }
    return indicators;
  }

  private static List<Assessment.SuccessStory> stories(FormValues form, Map<String, Object> values,
                                                        ObjectMapper json) {
    List<Map<String, Object>> rows = objects(form, values.get(EvaluationProcess.FIELD_SUCCESS_STORIES),
        "Kisah sukses", json);
    List<Assessment.SuccessStory> stories = new ArrayList<>();
    if (rows.size() > MAX_STORIES) {
      form.problem("Kisah sukses paling banyak " + MAX_STORIES);
    }
    for (int i = 0; i < rows.size() && i < MAX_STORIES; i++) {
      Map<String, Object> row = rows.get(i);
      String title = text(row.get("title"));
      String story = text(row.get("story"));
      if (title == null && story == null) {
        continue; // an empty row Tasklist left in the list
      }
      String prefix = "Kisah sukses " + (i + 1) + ": ";
      if (title == null || title.length() < STORY_TITLE_MIN || title.length() > STORY_TITLE_MAX) {
        form.problem(prefix + "judul harus " + STORY_TITLE_MIN + " sampai " + STORY_TITLE_MAX + " karakter");
      } else if (story == null || story.length() < STORY_MIN || story.length() > STORY_MAX) {
        form.problem(prefix + "uraian untuk replikasi harus " + STORY_MIN + " sampai " + STORY_MAX + " karakter");
      } else {
        stories.add(new Assessment.SuccessStory(title, story));
      }
    }
    return stories;
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

  private static BigDecimal number(Object v) {
    if (v == null || v.toString().isBlank()) {
      return null;
    }
    try {
      return v instanceof Number n ? new BigDecimal(n.toString()) : new BigDecimal(v.toString().trim().replace(',', '.'));
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
