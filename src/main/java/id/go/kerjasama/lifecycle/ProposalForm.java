package id.go.kerjasama.lifecycle;

import static id.go.kerjasama.lifecycle.LifecycleProcess.FIELD_BURDENS_PUBLIC_OR_OUTSIDE_BUDGET;
import static id.go.kerjasama.lifecycle.LifecycleProcess.FIELD_COOPERATION_NATURE;
import static id.go.kerjasama.lifecycle.LifecycleProcess.FIELD_GOVERNMENT_AFFAIR;
import static id.go.kerjasama.lifecycle.LifecycleProcess.FIELD_PARTNER_REGION;
import static id.go.kerjasama.lifecycle.LifecycleProcess.FIELD_DURATION_MONTHS;
import static id.go.kerjasama.lifecycle.LifecycleProcess.FIELD_ESTIMATED_BUDGET;
import static id.go.kerjasama.lifecycle.LifecycleProcess.FIELD_LOCATION_PROVINCES;
import static id.go.kerjasama.lifecycle.LifecycleProcess.FIELD_NGO;
import static id.go.kerjasama.lifecycle.LifecycleProcess.FIELD_NOTA_KESEPAKATAN_PARTNER;
import static id.go.kerjasama.lifecycle.LifecycleProcess.FIELD_PARTNER_COUNTRY;
import static id.go.kerjasama.lifecycle.LifecycleProcess.FIELD_PARTNER_NAME;
import static id.go.kerjasama.lifecycle.LifecycleProcess.FIELD_PROPOSED_START;
import static id.go.kerjasama.lifecycle.LifecycleProcess.FIELD_PROPOSER_UNIT;
import static id.go.kerjasama.lifecycle.LifecycleProcess.FIELD_SECTORS;
import static id.go.kerjasama.lifecycle.LifecycleProcess.FIELD_TITLE;
import static id.go.kerjasama.lifecycle.LifecycleProcess.FIELD_TYPE;

import id.go.kerjasama.ngo.Ngo;
import id.go.kerjasama.ngo.NgoRegistry;
import id.go.kerjasama.ngo.NgoStatus;
import id.go.kerjasama.platform.forms.DeclaredForm;
import id.go.kerjasama.platform.forms.FormValues;
import id.go.kerjasama.platform.forms.IndonesianFormat;
import id.go.kerjasama.platform.identity.Groups;
import id.go.kerjasama.platform.identity.Organisations;
import id.go.kerjasama.platform.identity.Unit;
import id.go.kerjasama.platform.identity.UnitLevel;
import id.go.kerjasama.registry.CooperationType;
import id.go.kerjasama.registry.NewProposal;
import id.go.kerjasama.registry.Sector;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The server-side check of the proposal start form: the limits of the
 * deployed start form's validate blocks (read through {@code FormLimits}, not
 * written here), plus the rules a form cannot express, which stay here: who
 * may propose what, known codes, a start not before today, and the shorter
 * maximum term of foreign-NGO cooperation.
 */
@Component
class ProposalForm {

  /**
   * Principle permit: at most 3 years (GR 59/2016). A cross-field rule (it depends on the type), so it
   * stays here; the form's max of {@code durationMonths} is the 5 years of a Perjanjian Kerja Sama.
   */
  static final int MAX_MONTHS_ORMAS_ASING = 36;

  /** The nature of a region's cooperation (GR 28/2018). */
  enum Nature { WAJIB, SUKARELA }

  private final Organisations organisations;
  private final NgoRegistry ngos;
  private final boolean legacyRegionalTypes;

  /**
   * @param legacyRegionalTypes {@code kerjasama.proposal.accept-legacy-regional-types}: whether a region may
   *                            still propose LUAR_NEGERI/DALAM_NEGERI on the routes recorded before the
   *                            GR 28/2018 types (default false; docs/processes.md)
   */
  public ProposalForm(Organisations organisations, NgoRegistry ngos,
                      @Value("${kerjasama.proposal.accept-legacy-regional-types:false}") boolean legacyRegionalTypes) {
    this.organisations = organisations;
    this.ngos = ngos;
    this.legacyRegionalTypes = legacyRegionalTypes;
  }

  /**
   * @param declared       the deployed start form the values came through
   * @param proposerGroups the groups of the person submitting, or {@code null}
   *                       when the application itself registers (import)
   */
  public NewProposal read(Map<String, Object> variables, DeclaredForm declared, List<String> proposerGroups,
                          LocalDate today) {
    // checked against every validate block of the start form at once; the rules below are the rest
    FormValues form = new FormValues(variables, declared);
    CooperationType type = form.choice(FIELD_TYPE, "Jenis kerja sama", CooperationType.class);
    String title = form.text(FIELD_TITLE, "Judul kerja sama");
    // a region with a ministry or a ministry with a region: the Nota Kesepakatan route (GR 28/2018 art. 46)
    String nkspPartnerCode = form.optionalText(FIELD_NOTA_KESEPAKATAN_PARTNER, "Mitra Nota Kesepakatan");
    if (nkspPartnerCode != null && type != CooperationType.DALAM_NEGERI) {
      form.problem("Mitra Nota Kesepakatan hanya diisi untuk kerja sama dalam negeri antara daerah dan"
          + " kementerian/lembaga (PP 28/2018 pasal 46)");
      nkspPartnerCode = null;
    }
    boolean regionPartner = type == CooperationType.KSDD || nkspPartnerCode != null;
    // a KSDD's partner is a region of the reference data: its name and country come from there
    String partnerName = regionPartner ? form.optionalText(FIELD_PARTNER_NAME, "Nama mitra")
        : form.text(FIELD_PARTNER_NAME, "Nama mitra");
    String partnerCountry = regionPartner ? form.optionalText(FIELD_PARTNER_COUNTRY, "Negara mitra")
        : form.text(FIELD_PARTNER_COUNTRY, "Negara mitra");
    String ngoGroup = form.optionalText(FIELD_NGO, "Grup ormas asing");
    if (ngoGroup != null) {
      Optional<Ngo> ngo = ngos.findByGroup(ngoGroup);
      if (type != CooperationType.ORMAS_ASING) {
        form.problem("Grup ormas asing hanya diisi untuk kerja sama ormas asing");
      } else if (ngo.isEmpty()) {
        form.problem("Ormas asing '" + ngoGroup + "' tidak terdaftar; minta Fasker mendaftarkannya dahulu");
      } else if (ngo.get().status() == NgoStatus.SUSPENDED || ngo.get().status() == NgoStatus.REVOKED) {
        form.problem("Izin " + ngo.get().name() + " " + ngo.get().status().label().toLowerCase()
            + ": kerja sama baru tidak dapat diusulkan");
      } else {
        // the register's name and country, not what was typed
        partnerName = ngo.get().name();
        partnerCountry = ngo.get().country();
      }
    }
    boolean regional = type != null && (type.regionalDomestic() || type.regionalForeign());
    Nature nature = regional ? form.choice(FIELD_COOPERATION_NATURE, "Sifat kerja sama (wajib/sukarela)", Nature.class)
        : null;
    String affair = regional ? form.text(FIELD_GOVERNMENT_AFFAIR, "Urusan pemerintahan") : null;
    if (affair != null && GovernmentAffair.ofLabel(affair).isEmpty()) {
      form.problem("Urusan pemerintahan '" + affair + "' tidak ada dalam daftar urusan Permendagri 22/2020"
          + " (UU 23/2014); pilih salah satu dari daftar pada formulir");
    }
    String proposerGroup = form.text(FIELD_PROPOSER_UNIT, "Unit pengusul");
    List<String> locations = form.list(FIELD_LOCATION_PROVINCES, "Provinsi lokasi");
    List<String> sectorCodes = form.list(FIELD_SECTORS, "Bidang kerja sama");
    LocalDate start = form.date(FIELD_PROPOSED_START, "Rencana tanggal mulai");
    Integer months = form.integer(FIELD_DURATION_MONTHS, "Jangka waktu (bulan)");
    // Rupiah, optional; limits from the form's validate block, read by the one amount parser
    java.math.BigDecimal estimatedBudget = form.optionalAmount(FIELD_ESTIMATED_BUDGET, "Perkiraan anggaran");
    boolean burdens = form.flag(FIELD_BURDENS_PUBLIC_OR_OUTSIDE_BUDGET,
        "Membebani masyarakat/daerah atau di luar APBD tahun berjalan");

    Unit proposer = null;
    if (proposerGroup != null) {
      proposer = organisations.find(proposerGroup)
          .filter(u -> u.level() == UnitLevel.MINISTRY || u.isRegion())
          .orElse(null);
      if (proposer == null) {
        form.problem("Unit pengusul '" + proposerGroup + "' tidak dikenal");
      } else if (proposerGroups != null && !proposerGroups.contains(proposerGroup)
          && !proposerGroups.contains(Groups.FASKER)) {
        form.problem("Anda bukan anggota unit pengusul " + proposer.name()
            + "; usulan hanya dapat diajukan oleh unit sendiri atau oleh Fasker");
      }
    }
    if (type != null && proposer != null) {
      checkProposerFitsType(form, type, proposer, nkspPartnerCode != null);
    }
    Unit partnerRegion = null;
    Unit nkspMinistry = null;
    if (nkspPartnerCode != null) {
      Unit partner = organisations.find(nkspPartnerCode).orElse(null);
      if (partner == null) {
        form.problem("Mitra Nota Kesepakatan '" + nkspPartnerCode + "' tidak dikenal; pilih kementerian/lembaga atau"
            + " daerah dari daftar");
      } else if (proposer != null && proposer.isRegion() && partner.level() != UnitLevel.MINISTRY) {
        form.problem("Mitra Nota Kesepakatan daerah adalah kementerian/lembaga, bukan " + partner.name()
            + "; kerja sama dengan daerah lain diajukan sebagai KSDD");
      } else if (proposer != null && !proposer.isRegion() && !partner.isRegion()) {
        form.problem("Mitra Nota Kesepakatan kementerian adalah provinsi atau kabupaten/kota, bukan " + partner.name());
      } else if (proposer != null) {
        if (partner.isRegion()) {
          partnerRegion = partner;
        } else {
          nkspMinistry = partner;
        }
        partnerName = partner.name();
        partnerCountry = "Indonesia";
      }
    } else if (regionPartner) {
      String code = form.text(FIELD_PARTNER_REGION, "Daerah mitra");
      if (code != null) {
        partnerRegion = organisations.find(code).filter(Unit::isRegion).orElse(null);
        if (partnerRegion == null) {
          form.problem("Daerah mitra '" + code + "' tidak dikenal; pilih provinsi atau kabupaten/kota");
        } else if (proposer != null && partnerRegion.group().equals(proposer.group())) {
          form.problem("Daerah mitra tidak boleh daerah pengusul sendiri");
        } else {
          partnerName = partnerRegion.name();
          partnerCountry = "Indonesia";
        }
      }
    }
    if (type != CooperationType.KSDD && variables.get(FIELD_PARTNER_REGION) != null
        && !variables.get(FIELD_PARTNER_REGION).toString().isBlank()) {
      form.problem("Daerah mitra hanya diisi untuk kerja sama daerah dengan daerah lain (KSDD)");
    }
    List<String> locationGroups = new ArrayList<>();
    for (String code : locations) {
      String group = code.startsWith(Groups.PROVINCE_PREFIX) ? code : Groups.province(code);
      if (organisations.find(group).filter(u -> u.level() == UnitLevel.PROVINCE).isEmpty()) {
        form.problem("Provinsi lokasi '" + code + "' tidak dikenal");
      } else {
        locationGroups.add(group);
      }
    }
    if (proposer != null && proposer.provinceGroup() != null && !locationGroups.contains(proposer.provinceGroup())) {
      // a region's cooperation always takes place in its own province
      locationGroups.add(0, proposer.provinceGroup());
    }
    if (partnerRegion != null && !locationGroups.contains(partnerRegion.provinceGroup())) {
      // and in its partner region's
      locationGroups.add(partnerRegion.provinceGroup());
    }
    for (String code : sectorCodes) {
      try {
        Sector.valueOf(code);
      } catch (IllegalArgumentException e) {
        form.problem("Bidang kerja sama '" + code + "' tidak dikenal");
      }
    }
    if (start != null && start.isBefore(today)) {
      form.problem("Rencana tanggal mulai tidak boleh sebelum hari ini (" + IndonesianFormat.date(today) + ")");
    }
    if (type == CooperationType.ORMAS_ASING && months != null && months > MAX_MONTHS_ORMAS_ASING) {
      form.problem("Jangka waktu kerja sama ormas asing paling lama " + MAX_MONTHS_ORMAS_ASING
          + " bulan (izin prinsip berlaku paling lama 3 tahun)");
    }
    form.throwIfInvalid();

    return new NewProposal(type, title, partnerName, partnerCountry, proposer.group(), proposer.provinceGroup(),
        type == CooperationType.ORMAS_ASING ? proposer.group() : nkspMinistry == null ? null : nkspMinistry.group(),
        List.copyOf(locationGroups), sectorCodes, start, months,
        // only domestic cooperation knows this DPRD condition; the others always need (LN) or never need (OA) it
        type.domestic() && burdens,
        partnerRegion == null ? null : partnerRegion.group(), nature == null ? null : nature.name(), affair,
        ngoGroup, estimatedBudget);
  }

  /** Kemendagri or one of its echelon-I units (ministry-kemendagri-…). */
  static boolean kemendagri(Unit unit) {
    return unit.group().equals(Groups.ministry("kemendagri"))
        || unit.group().startsWith(Groups.ministry("kemendagri") + "-");
  }

  private void checkProposerFitsType(FormValues form, CooperationType type, Unit proposer, boolean notaKesepakatan) {
    switch (type) {
      case ORMAS_ASING -> {
        if (proposer.level() != UnitLevel.MINISTRY) {
          form.problem("Kerja sama ormas asing diajukan oleh kementerian/lembaga mitra utama, bukan oleh "
              + proposer.name());
        }
      }
      case LUAR_NEGERI -> {
        if (proposer.isRegion() && !legacyRegionalTypes) {
          form.problem("Kerja sama luar negeri daerah diajukan sebagai KSDPL (dengan pemerintah daerah di luar negeri)"
              + " atau KSDLL (dengan lembaga di luar negeri), sesuai PP 28/2018");
        } else if (!proposer.isRegion() && !kemendagri(proposer)) {
          form.problem("Kerja sama luar negeri diajukan oleh Kemendagri (kerja sama teknik luar negeri) atau pemerintah"
              + " daerah, bukan oleh " + proposer.name());
        }
      }
      case DALAM_NEGERI -> {
        if (notaKesepakatan) {
          // a region with a ministry, or any ministry with a region: Nota Kesepakatan (GR 28/2018 art. 46)
          return;
        }
        if (proposer.isRegion() && !legacyRegionalTypes) {
          form.problem("Kerja sama dalam negeri daerah diajukan sebagai KSDD (dengan daerah lain) atau KSDPK (dengan"
              + " pihak ketiga), sesuai PP 28/2018; dengan kementerian/lembaga: isi Mitra Nota Kesepakatan");
        } else if (!proposer.isRegion() && !kemendagri(proposer)) {
          form.problem("Kerja sama dalam negeri diajukan oleh Kemendagri atau pemerintah daerah, bukan oleh "
              + proposer.name());
        }
      }
      case KSDD, KSDPK, KSDPL, KSDLL -> {
        if (!proposer.isRegion()) {
          form.problem(type.label() + " diajukan oleh pemerintah daerah (provinsi atau kabupaten/kota), bukan oleh "
              + proposer.name());
        }
      }
    }
  }
}
