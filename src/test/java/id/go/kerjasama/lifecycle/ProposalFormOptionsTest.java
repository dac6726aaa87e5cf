package id.go.kerjasama.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.go.kerjasama.platform.identity.Organisations;
import id.go.kerjasama.platform.identity.Unit;
import id.go.kerjasama.platform.identity.UnitLevel;
import id.go.kerjasama.registry.CooperationType;
import id.go.kerjasama.registry.Sector;
import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The start form's choices (forms/cooperation-lifecycle/register-proposal.form)
 * match the reference data and the codes the server accepts, so a choice
 * offered in Tasklist is never refused and none is missing.
 */
class ProposalFormOptionsTest {

  final Organisations organisations = new Organisations();

  @Test
  void choicesMatchTheReferenceData() throws Exception {
    JsonNode form = new ObjectMapper().readTree(new File("forms/cooperation-lifecycle/register-proposal.form"));
    assertThat(values(form, "proposerUnit")).containsExactlyInAnyOrderElementsOf(
        organisations.proposers().stream().map(Unit::group).toList());
    assertThat(values(form, "locationProvinces")).containsExactlyInAnyOrderElementsOf(
        organisations.byLevel(UnitLevel.PROVINCE).stream().map(u -> u.group().substring("province-".length())).toList());
    assertThat(values(form, "sectors")).containsExactlyInAnyOrderElementsOf(
        Stream.of(Sector.values()).map(Enum::name).toList());
    assertThat(values(form, "cooperationType")).containsExactlyInAnyOrderElementsOf(
        Stream.of(CooperationType.values()).map(Enum::name).toList());
    // a KSDD's partner: every province and regency/city
    assertThat(values(form, "partnerRegion")).containsExactlyInAnyOrderElementsOf(
        organisations.proposers().stream().filter(Unit::isRegion).map(Unit::group).toList());
    // a Nota Kesepakatan's partner: a ministry (for a region) or a region (for a ministry)
    assertThat(values(form, "notaKesepakatanPartner")).containsExactlyElementsOf(values(form, "proposerUnit"));
    assertThat(values(form, "cooperationNature")).containsExactly("WAJIB", "SUKARELA");
  }

  private static List<String> values(JsonNode form, String key) {
    for (JsonNode component : form.get("components")) {
      if (key.equals(component.path("key").asText())) {
        List<String> values = new ArrayList<>();
        component.get("values").forEach(v -> values.add(v.get("value").asText()));
        return values;
      }
    }
    throw new AssertionError("No field " + key);
  }
}
