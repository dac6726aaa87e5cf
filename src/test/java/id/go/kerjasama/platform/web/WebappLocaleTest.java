package id.go.kerjasama.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Bahasa Indonesia translation of the Camunda webapps
 * (src/main/resources/META-INF/resources/webjars/camunda/app/&lt;app&gt;/locales/id.json)
 * must match the English original shipped in the Camunda webjar of the
 * Camunda version we build with. After a Camunda upgrade this test lists
 * the keys that were added or removed; see docs/localization.md.
 */
class WebappLocaleTest {

  private static final String APP = "/META-INF/resources/webjars/camunda/app/";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*(.*?)\\s*}}|\\{}");
  private static final Pattern HTML_TAG =
      Pattern.compile("</?(?:a|b|br|code|em|i|li|p|span|strong|ul)\\b[^>]*>", Pattern.CASE_INSENSITIVE);

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
  void indonesianHasExactlyTheKeysOfTheEnglishOriginal(String app) throws IOException {
    Map<String, String> en = flatten(english(app));
    Map<String, String> id = flatten(indonesian(app));

    TreeSet<String> missing = new TreeSet<>(en.keySet());
    missing.removeAll(id.keySet());
    TreeSet<String> obsolete = new TreeSet<>(id.keySet());
    obsolete.removeAll(en.keySet());

    assertThat(missing).as("%s: keys of en.json missing in id.json", app).isEmpty();
    assertThat(obsolete).as("%s: keys of id.json no longer in en.json", app).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
  void indonesianKeepsPlaceholdersAndMarkup(String app) throws IOException {
    JsonNode en = english(app).path("labels");
    JsonNode id = indonesian(app).path("labels");
    List<String> problems = new ArrayList<>();
    for (Iterator<String> keys = en.fieldNames(); keys.hasNext(); ) {
      String key = keys.next();
      String english = en.path(key).asText();
      String indonesian = id.path(key).asText();
      if (!id.path(key).isTextual()) {
        problems.add(key + ": not a string");
        continue;
      }
      List<String> expected = tokens(PLACEHOLDER, english);
      List<String> actual = tokens(PLACEHOLDER, indonesian);
      if (!expected.equals(actual)) {
        problems.add(key + ": placeholders " + expected + " but was " + actual);
      }
      if (!tokens(HTML_TAG, english).equals(tokens(HTML_TAG, indonesian))) {
        problems.add(key + ": HTML tags differ: \"" + indonesian + "\"");
      }
    }
    assertThat(problems).as("%s/locales/id.json", app).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
  void dateFormatsAreIndonesian(String app) throws IOException {
    JsonNode dates = indonesian(app).path("dateLocales");
    if (english(app).has("dateLocales")) {
      assertThat(dates.path("months").get(0).asText()).isEqualTo("Januari");
      assertThat(dates.path("weekdays").get(1).asText()).isEqualTo("Senin");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
  void configOffersIndonesianAndEnglish(String app) throws IOException {
    String config = read(ownResource(APP + app + "/scripts/config.js"));
    assertThat(config).contains("import {kerjasamaLocales} from '../../kerjasama-locales.js';")
        .contains("locales: kerjasamaLocales()");
    String shared = read(ownResource(APP + "kerjasama-locales.js"));
    Matcher locales = Pattern.compile("KERJASAMA_LOCALES\\s*=\\s*\\[([^]]*)]").matcher(shared);
    assertThat(locales.find()).as("kerjasama-locales.js declares KERJASAMA_LOCALES").isTrue();
    assertThat(locales.group(1).replaceAll("[\\s'\"]", "").split(","))
        .as("available locales, Indonesian first")
        .containsExactly("id", "en");
    assertThat(shared).as("falls back to a language we ship")
        .containsPattern("fallbackLocale: '(en|id)'}");
  }

  @Test
  void tasklistSpeaksIndonesian() throws IOException {
    JsonNode labels = indonesian("tasklist").path("labels");
    Map<String, String> expected = new TreeMap<>();
    expected.put("PAGE_LOGIN_SIGN_IN_ACTION", "Masuk");
    expected.put("PAGE_LOGIN_USERNAME", "Nama pengguna");
    expected.put("PAGE_LOGIN_PASSWORD", "Kata sandi");
    expected.put("SIGN_OUT_ACTION", "Keluar");
    expected.put("CLAIM_TASK", "Klaim");
    expected.put("UNCLAIM_TASK", "Batalkan klaim");
    expected.put("COMPLETE", "Selesaikan");
    expected.put("DUE", "Tenggat");
    expected.put("FOLLOW_UP", "Tindak lanjut");
    expected.put("GROUPS", "Kelompok");
    expected.put("TASKS", "Tugas");
    expected.forEach((key, value) ->
        assertThat(labels.path(key).asText()).as("tasklist %s", key).isEqualTo(value));
  }

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
  void nothingIsLeftInEnglish(String app) throws IOException {
    JsonNode en = english(app).path("labels");
    JsonNode id = indonesian(app).path("labels");
    List<String> untranslated = new ArrayList<>();
    for (Iterator<String> keys = en.fieldNames(); keys.hasNext(); ) {
      String key = keys.next();
      String english = en.path(key).asText();
      if (english.equals(id.path(key).asText()) && looksLikeEnglishProse(english)) {
        untranslated.add(key + " = " + english);
      }
    }
    assertThat(untranslated).as("%s: values still in English", app).isEmpty();
  }

  /** Words that are the same in both languages (technical terms, names) do not count. */
  private static boolean looksLikeEnglishProse(String text) {
    String words = text.replaceAll("\\{\\{.*?}}|<[^>]*>|&[a-z]+;", " ");
    return Pattern.compile("\\b(the|a|an|is|are|of|to|for|and|with|not|no|be|this|by|in|on|at|from"
            + "|task|tasks|process|instance|instances|user|users|group|groups|add|delete|remove"
            + "|edit|save|cancel|close|show|select|search|create|update|change|name|value|date"
            + "|time|type|key|error|failed|loading|definition|definitions|variable|variables)\\b",
        Pattern.CASE_INSENSITIVE).matcher(words).find();
  }

  private static List<String> tokens(Pattern pattern, String text) {
    List<String> found = new ArrayList<>();
    Matcher matcher = pattern.matcher(text);
    while (matcher.find()) {
      found.add(matcher.group().replaceAll("\\s+", ""));
    }
    Collections.sort(found);
    return found;
  }

  private static Map<String, String> flatten(JsonNode node) {
    Map<String, String> flat = new TreeMap<>();
    flatten("", node, flat);
    return flat;
  }

  private static void flatten(String path, JsonNode node, Map<String, String> flat) {
    if (node.isObject()) {
      node.fields().forEachRemaining(field ->
          flatten(path.isEmpty() ? field.getKey() : path + "." + field.getKey(), field.getValue(), flat));
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        flatten(path + "[" + i + "]", node.get(i), flat);
      }
    } else {
      flat.put(path, node.asText());
    }
  }

  /** en.json of the Camunda webjar; we never ship an en.json of our own. */
  private static JsonNode english(String app) throws IOException {
    String name = APP + app + "/locales/en.json";
    List<URL> found = Collections.list(WebappLocaleTest.class.getClassLoader().getResources(name.substring(1)));
    assertThat(found).as("exactly one %s on the classpath, from the Camunda webjar", name).hasSize(1);
    assertThat(found.get(0).toString()).contains("camunda-webapp-webjar");
    try (InputStream in = found.get(0).openStream()) {
      return JSON.readTree(in);
    }
  }

  private static JsonNode indonesian(String app) throws IOException {
    return JSON.readTree(read(ownResource(APP + app + "/locales/id.json")));
  }

  /** A resource of this application, not of a jar. */
  private static URL ownResource(String name) throws IOException {
    for (URL url : Collections.list(WebappLocaleTest.class.getClassLoader().getResources(name.substring(1)))) {
      if ("file".equals(url.getProtocol())) {
        return url;
      }
    }
    return fail("%s not found in the application's own resources", name);
  }

  private static String read(URL url) throws IOException {
    try (InputStream in = url.openStream()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
