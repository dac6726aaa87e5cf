package id.go.kerjasama.platform.identity;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The reference data of organisations (ministries, TPOA seats, the 38 provinces
 * and the regencies/cities), read from the versioned data file
 * {@code reference/organisations.json}. Every organisation is a Camunda group.
 */
@Component
public class Organisations {

  public static final String RESOURCE = "reference/organisations.json";

  record Named(String group, String code, String name, String province, Boolean coordinator) {
  }

  record File(String version, List<Named> central, List<Named> ministries, List<Named> tpoaSeats,
              List<Named> provinces, List<Named> regencies) {
  }

  private final String version;
  private final Map<String, Unit> units;

  public Organisations() {
    this(read(RESOURCE));
  }

  Organisations(File file) {
    this.version = file.version();
    Map<String, Unit> all = new LinkedHashMap<>();
    file.central().forEach(c -> put(all, new Unit(c.group(), c.name(), UnitLevel.CENTRAL, null)));
    file.ministries().forEach(m -> put(all, new Unit(Groups.ministry(m.code()), m.name(), UnitLevel.MINISTRY, null)));
    file.tpoaSeats().forEach(t -> put(all, new Unit(Groups.tpoa(t.code()), t.name(), UnitLevel.TPOA, null)));
    file.provinces().forEach(p -> put(all,
        new Unit(Groups.province(p.code()), "Provinsi " + p.name(), UnitLevel.PROVINCE, Groups.province(p.code()))));
    file.regencies().forEach(r -> {
      String province = Groups.province(r.province());
      if (!all.containsKey(province)) {
        throw new IllegalStateException("Regency " + r.code() + " names unknown province " + r.province());
      }
      put(all, new Unit(Groups.regency(r.code()), r.name(), UnitLevel.REGENCY, province));
    });
    this.units = Collections.unmodifiableMap(all);
  }

  private static void put(Map<String, Unit> all, Unit unit) {
    if (all.put(unit.group(), unit) != null) {
      throw new IllegalStateException("Duplicate organisation " + unit.group() + " in " + RESOURCE);
    }
  }

  private static File read(String resource) {
    ObjectMapper mapper = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    try (InputStream in = new ClassPathResource(resource).getInputStream()) {
      return mapper.readValue(in, File.class);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read reference data " + resource, e);
    }
  }

  public String version() {
    return version;
  }

  public List<Unit> all() {
    return new ArrayList<>(units.values());
  }

  public List<Unit> byLevel(UnitLevel level) {
    return units.values().stream().filter(u -> u.level() == level).toList();
  }

  public Optional<Unit> find(String group) {
    return Optional.ofNullable(group).map(units::get);
  }

  /** Units that may propose a cooperation: ministries, provinces, regencies/cities. */
  public List<Unit> proposers() {
    return units.values().stream()
        .filter(u -> u.level() == UnitLevel.MINISTRY || u.isRegion())
        .toList();
  }
}
