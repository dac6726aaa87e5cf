package id.go.kerjasama.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.go.kerjasama.platform.forms.DeclaredForm;
import id.go.kerjasama.platform.forms.FormLimits;
import id.go.kerjasama.platform.identity.Organisations;
import id.go.kerjasama.platform.web.InvalidInputException;
import id.go.kerjasama.registry.CooperationType;
import id.go.kerjasama.registry.NewProposal;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The server-side check of the start form for the GR 28/2018 types, with the
 * production setting (kerjasama.proposal.accept-legacy-regional-types=false):
 * a region proposes KSDD/KSDPK/KSDPL/KSDLL, a KSDD names a partner region,
 * every regional type its nature and government affair; Kemendagri and its
 * echelon-I units propose their own domestic and foreign cooperation.
 */
class ProposalFormRegionalTest {

  static final LocalDate TODAY = LocalDate.of(2026, 2, 2);
  final ProposalForm form = new ProposalForm(new Organisations(), null, false);
  /** The start form as deployed: its validate blocks are the limits (FormLimits reads them the same way). */
  final DeclaredForm startForm = startForm();

  static DeclaredForm startForm() {
    try {
      return new FormLimits(new ObjectMapper(), null).parse("register-proposal.form",
          Files.readAllBytes(Path.of("forms/cooperation-lifecycle/register-proposal.form")));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  Map<String, Object> proposal(String type, String proposer) {
    Map<String, Object> v = new HashMap<>();
    v.put("cooperationType", type);
    v.put("title", "Pengelolaan sampah regional bersama");
    v.put("partnerName", "PT Mitra Lestari");
    v.put("partnerCountry", "Indonesia");
    v.put("proposerUnit", proposer);
    v.put("locationProvinces", List.of("15"));
    v.put("sectors", List.of("LINGKUNGAN_HIDUP"));
    v.put("proposedStart", "2026-03-01");
    v.put("durationMonths", 24);
    v.put("cooperationNature", "WAJIB");
    v.put("governmentAffair", "Lingkungan Hidup");
    return v;
  }

  @Test
  void aKsddNamesItsPartnerRegionWhoseNameCountryAndProvinceComeFromTheReferenceData() {
    Map<String, Object> v = proposal("KSDD", "regency-1505");
    v.remove("partnerName");
    v.remove("partnerCountry");
    v.put("partnerRegion", "regency-1571");
    NewProposal p = form.read(v, startForm, null, TODAY);
    assertThat(p.type()).isEqualTo(CooperationType.KSDD);
    assertThat(p.partnerRegion()).isEqualTo("regency-1571");
    assertThat(p.partnerName()).isEqualTo("Kota Jambi");
    assertThat(p.partnerCountry()).isEqualTo("Indonesia");
    assertThat(p.cooperationNature()).isEqualTo("WAJIB");
    assertThat(p.governmentAffair()).isEqualTo("Lingkungan Hidup");
  }

  @Test
  void aKsddWithoutAKnownPartnerRegionOrWithItselfIsRefused() {
    Map<String, Object> none = proposal("KSDD", "regency-1505");
    assertThatThrownBy(() -> form.read(none, startForm, null, TODAY)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("Daerah mitra wajib diisi");
    Map<String, Object> self = proposal("KSDD", "regency-1505");
    self.put("partnerRegion", "regency-1505");
    assertThatThrownBy(() -> form.read(self, startForm, null, TODAY)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("Daerah mitra tidak boleh daerah pengusul sendiri");
    Map<String, Object> unknown = proposal("KSDD", "regency-1505");
    unknown.put("partnerRegion", "ministry-kemensos");
    assertThatThrownBy(() -> form.read(unknown, startForm, null, TODAY)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("Daerah mitra 'ministry-kemensos' tidak dikenal");
    Map<String, Object> notKsdd = proposal("KSDPK", "regency-1505");
    notKsdd.put("partnerRegion", "regency-1571");
    assertThatThrownBy(() -> form.read(notKsdd, startForm, null, TODAY)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("Daerah mitra hanya diisi untuk kerja sama daerah dengan daerah lain (KSDD)");
  }

  @Test
  void aRegionsNotaKesepakatanNamesAMinistryAndAMinistrysNamesARegion() {
    Map<String, Object> v = proposal("DALAM_NEGERI", "regency-1505");
    v.remove("partnerName");
    v.remove("partnerCountry");
    v.put("notaKesepakatanPartner", "ministry-kementan");
    NewProposal p = form.read(v, startForm, null, TODAY);
    assertThat(p.partnerMinistry()).isEqualTo("ministry-kementan");
    assertThat(p.partnerRegion()).isNull();
    assertThat(p.partnerName()).isEqualTo("Kementerian Pertanian");
    Map<String, Object> m = proposal("DALAM_NEGERI", "ministry-bnpb");
    m.put("notaKesepakatanPartner", "regency-1571");
    NewProposal q = form.read(m, startForm, null, TODAY);
    assertThat(q.partnerRegion()).isEqualTo("regency-1571");
    assertThat(q.partnerMinistry()).isNull();
    assertThat(q.partnerName()).isEqualTo("Kota Jambi");
  }

  @Test
  void aWrongNotaKesepakatanPartnerIsRefused() {
    // a region's partner on this route is a ministry: another region is a KSDD
    Map<String, Object> region = proposal("DALAM_NEGERI", "regency-1505");
    region.put("notaKesepakatanPartner", "regency-1571");
    assertThatThrownBy(() -> form.read(region, startForm, null, TODAY)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("Mitra Nota Kesepakatan daerah adalah kementerian/lembaga, bukan Kota Jambi")
        .hasMessageContaining("diajukan sebagai KSDD");
    // a ministry's partner is a region
    Map<String, Object> ministry = proposal("DALAM_NEGERI", "ministry-bnpb");
    ministry.put("notaKesepakatanPartner", "ministry-kementan");
    assertThatThrownBy(() -> form.read(ministry, startForm, null, TODAY)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("Mitra Nota Kesepakatan kementerian adalah provinsi atau kabupaten/kota");
    // a region's domestic cooperation without a ministry is a KSDD or KSDPK
    Map<String, Object> none = proposal("DALAM_NEGERI", "regency-1505");
    assertThatThrownBy(() -> form.read(none, startForm, null, TODAY)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("dengan kementerian/lembaga: isi Mitra Nota Kesepakatan");
    // a ministry other than Kemendagri without a partner region has no domestic route
    Map<String, Object> alone = proposal("DALAM_NEGERI", "ministry-bnpb");
    assertThatThrownBy(() -> form.read(alone, startForm, null, TODAY)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("Kerja sama dalam negeri diajukan oleh Kemendagri atau pemerintah daerah");
    // only domestic cooperation has one
    Map<String, Object> ksdpk = proposal("KSDPK", "regency-1505");
    ksdpk.put("notaKesepakatanPartner", "ministry-kementan");
    assertThatThrownBy(() -> form.read(ksdpk, startForm, null, TODAY)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("Mitra Nota Kesepakatan hanya diisi untuk kerja sama dalam negeri");
  }

  @Test
  void aRegionalTypeNeedsItsNatureAndGovernmentAffair() {
    Map<String, Object> v = proposal("KSDPL", "province-16");
    v.remove("cooperationNature");
    v.put("governmentAffair", "x");
    assertThatThrownBy(() -> form.read(v, startForm, null, TODAY)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("Sifat kerja sama (wajib/sukarela) wajib dipilih")
        .hasMessageContaining("Urusan pemerintahan");
  }

  @Test
  void theGovernmentAffairIsOneOfTheThirtyTwoOfPermendagri22Of2020AsTheFormsSelectOffersThem() throws IOException {
    // the form's select offers exactly the affairs the server accepts, in the same order
    JsonNode select = null;
    for (JsonNode c : new ObjectMapper().readTree(Files.readAllBytes(
        Path.of("forms/cooperation-lifecycle/register-proposal.form"))).get("components")) {
      if ("governmentAffair".equals(c.path("key").asText())) {
        select = c;
      }
    }
    assertThat(select).isNotNull();
    assertThat(select.get("type").asText()).isEqualTo("select");
    List<String> offered = new java.util.ArrayList<>();
    select.get("values").forEach(o -> {
      assertThat(o.get("value").asText()).isEqualTo(o.get("label").asText());
      offered.add(o.get("value").asText());
    });
    assertThat(offered).containsExactly(java.util.Arrays.stream(GovernmentAffair.values())
        .map(GovernmentAffair::label).toArray(String[]::new));
    assertThat(java.util.Arrays.stream(GovernmentAffair.values()).collect(java.util.stream.Collectors.groupingBy(
        GovernmentAffair::kind, java.util.stream.Collectors.counting())))
        .containsEntry(GovernmentAffair.Kind.BASIC_SERVICE, 6L).containsEntry(GovernmentAffair.Kind.MANDATORY, 18L)
        .containsEntry(GovernmentAffair.Kind.OPTIONAL, 8L);

    // a value typed past the form (REST) that is no affair of the list is refused, saying what to do
    Map<String, Object> v = proposal("KSDD", "regency-1505");
    v.remove("partnerName");
    v.remove("partnerCountry");
    v.put("partnerRegion", "regency-1571");
    v.put("governmentAffair", "Pertahanan");
    assertThatThrownBy(() -> form.read(v, startForm, null, TODAY)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("Urusan pemerintahan 'Pertahanan' tidak ada dalam daftar urusan Permendagri 22/2020"
            + " (UU 23/2014); pilih salah satu dari daftar pada formulir");
    v.put("governmentAffair", "Ketenteraman, Ketertiban Umum, dan Pelindungan Masyarakat");
    assertThat(form.read(v, startForm, null, TODAY).governmentAffair())
        .isEqualTo("Ketenteraman, Ketertiban Umum, dan Pelindungan Masyarakat");
  }

  @Test
  void aRegionProposesTheGr28TypesNotTheOldOnesAndAMinistryNotTheRegionalOnes() {
    assertThatThrownBy(() -> form.read(proposal("DALAM_NEGERI", "province-17"), startForm, null, TODAY))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("diajukan sebagai KSDD (dengan daerah lain) atau KSDPK (dengan pihak ketiga)");
    assertThatThrownBy(() -> form.read(proposal("LUAR_NEGERI", "regency-1771"), startForm, null, TODAY))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("diajukan sebagai KSDPL (dengan pemerintah daerah di luar negeri) atau KSDLL");
    assertThatThrownBy(() -> form.read(proposal("KSDPK", "ministry-kemendagri"), startForm, null, TODAY))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("diajukan oleh pemerintah daerah (provinsi atau kabupaten/kota)");
    assertThatThrownBy(() -> form.read(proposal("LUAR_NEGERI", "ministry-kemensos"), startForm, null, TODAY))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("Kerja sama luar negeri diajukan oleh Kemendagri");
  }

  @Test
  void kemendagriAndItsEchelonOneUnitsProposeTheirOwnCooperation() {
    Map<String, Object> foreign = proposal("LUAR_NEGERI", "ministry-kemendagri-pemdes");
    foreign.put("partnerName", "Department of Foreign Affairs and Trade (DFAT) - KOMPAK");
    foreign.put("partnerCountry", "Australia");
    assertThat(form.read(foreign, startForm, null, TODAY).proposerUnit()).isEqualTo("ministry-kemendagri-pemdes");
    assertThat(form.read(proposal("DALAM_NEGERI", "ministry-kemendagri"), startForm, null, TODAY).type())
        .isEqualTo(CooperationType.DALAM_NEGERI);
  }
}
