package id.go.kerjasama.platform.forms;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A form's limits are written in the form only: no second source in Java. The
 * test reads the Java sources and finds the two ways a limit gets written
 * twice: a read with explicit limits ({@code form.text(key, label, 5, 300)},
 * {@code optionalText(key, label, 4000)}, {@code integer(key, label, 1, 60)})
 * and a length compared with a number or a constant
 * ({@code name.length() > 300}). Each place that legitimately has one checks
 * something no form declares, and says so below; an entry that no longer
 * matches fails too, so the list stays true.
 */
class FormLimitsSingleSourceTest {

  /** file → the texts of the hits allowed there, with why. */
  static final Map<String, Map<String, String>> ALLOWED = Map.ofEntries(
      Map.entry("ngo/NewNgo.java", Map.of(
          "text(\"", "JSON body of POST /api/ngos (Fasker registers an NGO), no Camunda Form;"
              + " the limits are the register's column sizes",
          "optionalText(\"contactPhone\"", "JSON body of POST /api/ngos, no Camunda Form")),
      Map.entry("ngo/NewStaff.java", Map.of(
          "text(\"", "JSON body of POST /api/ngos/{id}/staff, no Camunda Form; the column sizes")),
      Map.entry("ngo/NewFunding.java", Map.of(
          "text(\"", "JSON body of POST /api/ngos/{id}/funding, no Camunda Form; the column sizes",
          "integer(\"budgetYear\"", "JSON body of POST /api/ngos/{id}/funding: a plausible budget year")),
      Map.entry("ngo/NewLocation.java", Map.of(
          "text(\"", "JSON body of POST /api/ngos/{id}/locations, no Camunda Form; the column sizes",
          "optionalText(\"regency\"", "JSON body of POST /api/ngos/{id}/locations: the column size")),
      Map.entry("ngo/NgoRepository.java", Map.of(
          "length() > 4000", "cuts an audit note to its column, not input validation")),
      Map.entry("platform/web/ApiErrors.java", Map.of(
          "length() > 40", "shortens a quoted value inside an error message, not a limit")),
      Map.entry("platform/web/EngineRestErrors.java", Map.of(
          "length() > 40", "shortens a quoted value inside an error message, not a limit")),
      Map.entry("legacyimport/LegacyCsv.java", Map.of(
          "length() < MAX_RECORD_CHARS", "bounds the memory of one CSV record while streaming, not a form field",
          "length() >= MAX_RECORD_CHARS", "bounds the memory of one CSV record while streaming, not a form field")),
      Map.entry("platform/identity/LdapFilters.java", Map.of(
          "length() == 0", "tests for an empty escaped LDAP filter value, not a limit")),
      Map.entry("platform/forms/FormValues.java", Map.of(
          "length() > 40", "shortens a quoted value inside an error message, not a limit")),
      Map.entry("platform/security/BasicCredentials.java", Map.of(
          "length() <= PREFIX", "parses the Authorization header's prefix, not a limit")),
      Map.entry("legacyimport/LegacyRowReader.java", Map.of(
          "text(\"legacy_number\"", "CSV column, no form field: the old system's number (registry column size)",
          "text(\"proposer_unit\"", "CSV column: a group id, checked against the organisations next",
          "text(\"document_number\"", "CSV column of a historical document: 1..100 (the registry column), the"
              + " signing forms ask more of a new one",
          "optionalText(\"signatories\"", "CSV column of a historical document: the registry column's size")),
      Map.entry("lifecycle/LifecycleTermination.java", Map.of(
          "optionalText(LifecycleProcess.TERMINATION_REASON", "a message's payload, no form: the termination reason")),
      Map.entry("evaluation/EvaluationForm.java", Map.of(
          "integer(c.scoreField()", "a score is one of the radio's options 1-5 (the rating table's scale),"
              + " which is not a validate block")),
      Map.entry("platform/security/LoginThrottleFilter.java", Map.of(
          "length() > 64", "shortens a user name for the log, not input validation")),
      Map.entry("approval/ApprovalOutcomes.java", Map.of(
          "length() <= MAX_REASON", "shortens a generated status reason for the registry column, not input")),
      Map.entry("documents/DocumentService.java", Map.of(
          "length() > 255", "shortens an uploaded file's name to the column, not a form field")));


  private static final Pattern EXPLICIT_READ = Pattern.compile("\\b(text|optionalText|integer)\\(");
  private static final Pattern LENGTH_COMPARED = Pattern.compile(
      "length\\(\\)\\s*(<=|>=|<|>|==)\\s*(\\d+|[A-Z][A-Z0-9_]*(\\.[A-Z][A-Z0-9_]*)?)\\b"
          + "|(\\d+|[A-Z][A-Z0-9_]*)\\s*(<=|>=|<|>)\\s*[\\w.]+\\.length\\(\\)");

  @Test
  void noJavaSourceWritesAFormLimitAgain() throws IOException {
    Path root = Path.of("src/main/java/id/go/kerjasama");
    List<String> found = new ArrayList<>();
    Set<String> used = new TreeSet<>();
    try (Stream<Path> files = Files.walk(root)) {
      files.filter(f -> f.toString().endsWith(".java")).sorted().forEach(file -> {
        String name = root.relativize(file).toString().replace('\\', '/');
        for (String hit : hits(read(file))) {
          String allowedBy = ALLOWED.getOrDefault(name, Map.of()).keySet().stream()
              .filter(hit::contains).findFirst().orElse(null);
          if (allowedBy == null) {
            found.add(name + ": " + hit);
          } else {
            used.add(name + " " + allowedBy);
          }
        }
      });
    }
    assertThat(found).as("limits written in Java; take them from the form (FormLimits, FormValues bound to the"
        + " deployed form), or if no form declares the value, add it to ALLOWED with the reason").isEmpty();
    List<String> stale = new ArrayList<>();
    ALLOWED.forEach((file, entries) -> entries.keySet().forEach(e -> {
      if (!used.contains(file + " " + e)) {
        stale.add(file + " " + e);
      }
    }));
    assertThat(stale).as("ALLOWED entries that match nothing any more").isEmpty();
  }

  @Test
  void theScanFindsALimitWrittenTwice() {
    assertThat(hits("""
        class Example {
          void read(FormValues form, String name) {
            String title = form.text(FIELD_TITLE, "Judul kerja sama", 5, 300);
            String notes = form.optionalText("notes", "Catatan", MAX_TEXT);
            Integer months = form.integer(FIELD_DURATION_MONTHS, "Jangka waktu", 1, MAX_MONTHS);
            if (name.length() > 300 || STORY_MIN > name.length()) {
              form.problem("too long");
            }
            String ok = form.text(FIELD_TITLE, "Judul kerja sama");
          }
        }
        """)).hasSize(5);
  }

  /** The explicit-limit reads and length comparisons in a source, comments left out. */
  static List<String> hits(String source) {
    String code = source.replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("//[^\\n]*", "");
    List<String> hits = new ArrayList<>();
    Matcher read = EXPLICIT_READ.matcher(code);
    while (read.find()) {
      int close = closingParenthesis(code, read.end());
      if (close > 0 && writesALimit(topLevelArguments(code.substring(read.end(), close)))) {
        hits.add(code.substring(read.start(), close + 1).replaceAll("\\s+", " "));
      }
    }
    Matcher length = LENGTH_COMPARED.matcher(code);
    while (length.find()) {
      hits.add(length.group(0).replaceAll("\\s+", " "));
    }
    return hits;
  }

  /** The index of the parenthesis closing the one opened just before {@code from}, or -1. */
  private static int closingParenthesis(String code, int from) {
    int depth = 1;
    boolean inString = false;
    for (int i = from; i < code.length(); i++) {
      char c = code.charAt(i);
      if (c == '"' && code.charAt(i - 1) != '\\') {
        inString = !inString;
      } else if (!inString && c == '(') {
        depth++;
      } else if (!inString && c == ')' && --depth == 0) {
        return i;
      } else if (!inString && (c == ';' || c == '{')) {
        return -1;
      }
    }
    return -1;
  }

  /** A third or later argument that is a number or a constant: a limit, as in {@code (key, label, 5, MAX)}. */
  private static boolean writesALimit(List<String> arguments) {
    return arguments.stream().skip(2).map(String::strip)
        .anyMatch(a -> a.matches("-?\\d+|([\\w.]+\\.)?[A-Z][A-Z0-9_]*"));
  }

  private static List<String> topLevelArguments(String arguments) {
    List<String> parts = new ArrayList<>();
    int depth = 0;
    int start = 0;
    boolean inString = false;
    for (int i = 0; i < arguments.length(); i++) {
      char c = arguments.charAt(i);
      if (c == '"' && (i == 0 || arguments.charAt(i - 1) != '\\')) {
        inString = !inString;
      } else if (!inString && (c == '(' || c == '[')) {
        depth++;
      } else if (!inString && (c == ')' || c == ']')) {
        depth--;
      } else if (!inString && depth == 0 && c == ',') {
        parts.add(arguments.substring(start, i));
        start = i + 1;
      }
    }
    parts.add(arguments.substring(start));
    return parts;
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
