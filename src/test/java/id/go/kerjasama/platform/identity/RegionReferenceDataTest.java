package id.go.kerjasama.platform.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

/**
 * The provinces and regencies/cities of {@code reference/organisations.json},
 * generated from idn-area-data 4.0.1 by tools/reference/generate-regions.mjs:
 * counts, code shapes, each regency under an existing province, and the ids
 * that tests, docs and existing databases use.
 */
class RegionReferenceDataTest {

  /** idn-area-data 4.0.1: 38 provinces, 514 regencies/cities (416 Kabupaten, 98 Kota). */
  static final int PROVINCES = 38;
  static final int REGENCIES = 514;

  /** The regencies of the first reference data, named by tests, docs and the demo users: names unchanged. */
  static final Map<String, String> EXISTING = Map.of(
      "regency-1171", "Kota Banda Aceh",
      "regency-3171", "Kota Administrasi Jakarta Pusat",
      "regency-3204", "Kabupaten Bandung",
      "regency-3273", "Kota Bandung",
      "regency-3374", "Kota Semarang",
      "regency-3471", "Kota Yogyakarta",
      "regency-3578", "Kota Surabaya",
      "regency-5171", "Kota Denpasar",
      "regency-6471", "Kota Balikpapan",
      "regency-7371", "Kota Makassar");

  final Organisations organisations = new Organisations();

  @Test
  void theDataFileHasEveryProvinceAndRegencyWithWellFormedCodes() throws Exception {
    JsonNode file;
    try (InputStream in = new ClassPathResource(Organisations.RESOURCE).getInputStream()) {
      file = new ObjectMapper().readTree(in);
    }
    assertThat(file.get("source").asText())
        .contains("idn-area-data 4.0.1").contains("Open Database License").contains("generate-regions.mjs");

    Set<String> provinces = new HashSet<>();
    for (JsonNode p : file.get("provinces")) {
      String code = p.get("code").asText();
      assertThat(code).as("province code").matches("\\d{2}");
      assertThat(provinces.add(code)).as("province %s once", code).isTrue();
      assertThat(p.get("name").asText()).as(code).isNotBlank().doesNotStartWith("Provinsi");
    }
    assertThat(provinces).hasSize(PROVINCES);

    Set<String> regencies = new HashSet<>();
    int kabupaten = 0;
    for (JsonNode r : file.get("regencies")) {
      String code = r.get("code").asText();
      String province = r.get("province").asText();
      String name = r.get("name").asText();
      assertThat(code).as("regency code").matches("\\d{4}");
      assertThat(regencies.add(code)).as("regency %s once", code).isTrue();
      assertThat(provinces).as("province of regency %s", code).contains(province);
      assertThat(code).as("regency %s starts with its province's code", code).startsWith(province);
      assertThat(name).as(code).matches("(Kabupaten|Kota) \\S.*");
      kabupaten += name.startsWith("Kabupaten ") ? 1 : 0;
    }
    assertThat(regencies).hasSize(REGENCIES);
    assertThat(kabupaten).isEqualTo(416);
  }

  @Test
  void everyProvinceAndRegencyIsAUnitUnderItsProvince() {
    assertThat(organisations.byLevel(UnitLevel.PROVINCE)).hasSize(PROVINCES)
        .allSatisfy(p -> {
          assertThat(p.group()).matches("province-\\d{2}");
          assertThat(p.provinceGroup()).isEqualTo(p.group());
          assertThat(p.name()).startsWith("Provinsi ");
        });
    assertThat(organisations.byLevel(UnitLevel.REGENCY)).hasSize(REGENCIES)
        .allSatisfy(r -> {
          assertThat(r.group()).matches("regency-\\d{4}");
          assertThat(r.provinceGroup()).isEqualTo("province-" + r.group().substring(8, 10));
          assertThat(organisations.find(r.provinceGroup())).map(Unit::level).contains(UnitLevel.PROVINCE);
        });
    // every province has regencies/cities, so a regency of any province can propose
    assertThat(organisations.byLevel(UnitLevel.REGENCY).stream().map(Unit::provinceGroup).distinct())
        .hasSize(PROVINCES);
    assertThat(organisations.proposers()).containsAll(organisations.byLevel(UnitLevel.REGENCY));
  }

  @Test
  void theIdsInUseStillExistWithTheirNames() {
    EXISTING.forEach((group, name) ->
        assertThat(organisations.find(group)).as(group).map(Unit::name).contains(name));
    assertThat(organisations.find("regency-3273").orElseThrow().provinceGroup()).isEqualTo("province-32");
    assertThat(organisations.find("province-11")).map(Unit::name).contains("Provinsi Aceh");
    assertThat(organisations.find("province-32")).map(Unit::name).contains("Provinsi Jawa Barat");
    assertThat(organisations.find("province-96")).map(Unit::name).contains("Provinsi Papua Barat Daya");
    // a regency of the newest provinces (Papua Barat Daya, 2022)
    assertThat(organisations.find("regency-9671")).map(Unit::provinceGroup).contains("province-96");
  }
}
