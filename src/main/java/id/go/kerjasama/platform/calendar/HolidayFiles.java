package id.go.kerjasama.platform.calendar;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Reads and validates the holiday files {@code holidays-<year>.json}: first
 * those packaged under {@code calendar/} on the classpath, then those in the
 * administrator's directory, which replace a packaged file of the same year.
 *
 * <p>File format:
 * <pre>
 * {"year": 2026,
 *  "source": "SKB Menteri Agama, Menteri Ketenagakerjaan, Menteri PANRB Nomor ...",
 *  "note": "optional free text",
 *  "holidays": [
 *    {"date": "2026-01-01", "name": "Tahun Baru 2026 Masehi", "kind": "LIBUR_NASIONAL"},
 *    {"date": "2026-02-16", "name": "Cuti Bersama Tahun Baru Imlek 2577 Kongzili", "kind": "CUTI_BERSAMA",
 *     "note": "optional free text"}]}
 * </pre>
 * A file is refused as a whole, with a message naming the file and the entry,
 * if it is not JSON, has a field not listed above, a year that does not match
 * its name, no source, no holidays, a date that is not {@code yyyy-MM-dd} or
 * lies outside the year, a date listed twice, an empty name or an unknown kind.
 */
final class HolidayFiles {

  static final String CLASSPATH_FOLDER = "calendar";
  static final Pattern FILE_NAME = Pattern.compile("holidays-(\\d{4})\\.json");

  private static final ObjectMapper MAPPER = new ObjectMapper()
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  record FileJson(Integer year, String source, String note, List<EntryJson> holidays) {
  }

  record EntryJson(String date, String name, String kind, String note) {
  }

  private final String classpathFolder;
  private final Path directory;

  /**
   * @param classpathFolder folder on the classpath with the packaged files, or {@code null} for none
   * @param directory       the administrator's folder, or {@code null} for none
   */
  HolidayFiles(String classpathFolder, Path directory) {
    this.classpathFolder = classpathFolder;
    this.directory = directory;
  }

  Path directory() {
    return directory;
  }

  /** All years that have a file, the administrator's files winning over packaged ones. */
  Map<Integer, HolidayYear> load() {
    Map<Integer, HolidayYear> years = new TreeMap<>();
    if (classpathFolder != null) {
      for (HolidayYear year : fromClasspath()) {
        HolidayYear before = years.put(year.year(), year);
        if (before != null) {
          throw new CalendarFileException("Two holiday files for " + year.year() + " on the classpath: "
              + before.origin() + " and " + year.origin());
        }
      }
    }
    if (directory != null) {
      for (HolidayYear year : fromDirectory()) {
        years.put(year.year(), year);
      }
    }
    return years;
  }

  private List<HolidayYear> fromClasspath() {
    List<HolidayYear> years = new ArrayList<>();
    try {
      Resource[] resources = new PathMatchingResourcePatternResolver()
          .getResources("classpath*:" + classpathFolder + "/holidays-*.json");
      for (Resource resource : resources) {
        String fileName = resource.getFilename();
        if (fileName == null || !FILE_NAME.matcher(fileName).matches()) {
          continue;
        }
        try (InputStream in = resource.getInputStream()) {
          years.add(parse(fileName, "classpath:" + classpathFolder + "/" + fileName, in.readAllBytes()));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the packaged holiday files", e);
    }
    return years;
  }

  private List<HolidayYear> fromDirectory() {
    if (!Files.isDirectory(directory)) {
      throw new CalendarFileException("The holiday directory " + directory.toAbsolutePath()
          + " (kerjasama.calendar.directory / KERJASAMA_CALENDAR_DIR) does not exist or is not a directory");
    }
    List<HolidayYear> years = new ArrayList<>();
    try (Stream<Path> files = Files.list(directory)) {
      for (Path file : files.sorted().toList()) {
        String fileName = file.getFileName().toString();
        if (Files.isRegularFile(file) && FILE_NAME.matcher(fileName).matches()) {
          years.add(parse(fileName, file.toAbsolutePath().toString(), Files.readAllBytes(file)));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the holiday directory " + directory.toAbsolutePath(), e);
    }
    return years;
  }

  /**
   * Parses and validates one file.
   *
   * @param fileName {@code holidays-<year>.json}
   * @param origin   where it was read, for messages
   */
  static HolidayYear parse(String fileName, String origin, byte[] json) {
    Matcher name = FILE_NAME.matcher(fileName);
    if (!name.matches()) {
      throw new CalendarFileException("Holiday file " + origin + ": the name must be holidays-<year>.json");
    }
    int year = Integer.parseInt(name.group(1));
    String where = "Holiday file " + origin;
    FileJson file;
    try {
      file = MAPPER.readValue(json, FileJson.class);
    } catch (JsonProcessingException e) {
      String at = e.getLocation() == null ? ""
          : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
      throw new CalendarFileException(where + " is not valid: " + e.getOriginalMessage() + at, e);
    } catch (IOException e) {
      throw new UncheckedIOException(where + " cannot be read", e);
    }
    if (file == null) {
      throw new CalendarFileException(where + " is empty");
    }
    if (file.year() == null) {
      throw new CalendarFileException(where + ": \"year\" is missing");
    }
    if (file.year() != year) {
      throw new CalendarFileException(where + ": \"year\" is " + file.year() + " but the file name says " + year);
    }
    if (file.source() == null || file.source().isBlank()) {
      throw new CalendarFileException(where + ": \"source\" (the decree the dates come from) is missing");
    }
    if (file.holidays() == null || file.holidays().isEmpty()) {
      throw new CalendarFileException(where + ": \"holidays\" is missing or empty");
    }
    List<Holiday> holidays = new ArrayList<>();
    Map<LocalDate, Integer> seen = new HashMap<>();
    for (int i = 0; i < file.holidays().size(); i++) {
      EntryJson entry = file.holidays().get(i);
      int number = i + 1;
      if (entry == null) {
        throw new CalendarFileException(where + ", entry " + number + ": the entry is null");
      }
      String at = where + ", entry " + number + " (" + entry.date() + " " + entry.name() + ")";
      if (entry.date() == null) {
        throw new CalendarFileException(at + ": \"date\" is missing");
      }
      LocalDate date;
      try {
        date = LocalDate.parse(entry.date());
      } catch (DateTimeParseException e) {
        throw new CalendarFileException(at + ": \"" + entry.date() + "\" is not a date of the form yyyy-MM-dd");
      }
      if (date.getYear() != year) {
        throw new CalendarFileException(at + ": " + date + " is outside the file's year " + year);
      }
      Integer first = seen.putIfAbsent(date, number);
      if (first != null) {
        throw new CalendarFileException(at + ": " + date + " is listed twice (also entry " + first + ")");
      }
      if (entry.name() == null || entry.name().isBlank()) {
        throw new CalendarFileException(at + ": \"name\" is missing");
      }
      holidays.add(new Holiday(date, entry.name().strip(), kind(at, entry.kind())));
    }
    return new HolidayYear(year, file.source().strip(), origin, holidays);
  }

  private static HolidayKind kind(String at, String kind) {
    for (HolidayKind known : HolidayKind.values()) {
      if (known.name().equals(kind)) {
        return known;
      }
    }
    throw new CalendarFileException(at + ": unknown kind \"" + kind + "\", expected one of "
        + Arrays.toString(HolidayKind.values()));
  }
}
