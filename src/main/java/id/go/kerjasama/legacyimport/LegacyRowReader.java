package id.go.kerjasama.legacyimport;

import id.go.kerjasama.lifecycle.GovernmentAffair;
import id.go.kerjasama.lifecycle.LifecycleProcess;
import id.go.kerjasama.platform.forms.DeclaredForm;
import id.go.kerjasama.platform.forms.FormLimits;
import id.go.kerjasama.platform.forms.FormValues;
import id.go.kerjasama.platform.forms.IndonesianFormat;
import id.go.kerjasama.platform.identity.Groups;
import id.go.kerjasama.platform.identity.Organisations;
import id.go.kerjasama.platform.identity.Unit;
import id.go.kerjasama.platform.identity.UnitLevel;
import id.go.kerjasama.registry.CooperationType;
import id.go.kerjasama.registry.DocumentKind;
import id.go.kerjasama.registry.Sector;
import id.go.kerjasama.signing.SigningRecordListener;
import id.go.kerjasama.signing.SigningSettings;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Checks one row of the legacy import (docs/api.md "Legacy import") with the
 * rules of a proposal and a signing, except that dates lie in the past; every
 * problem is named in Bahasa Indonesia. The title and the partner's name and
 * country meet the deployed proposal start form's limits (the same fields);
 * the other columns are not form fields and have the registry's own rules:
 * a historical document number of 1 to 100 characters and signatories of at
 * most 500 (its columns' sizes), which the signing forms, asking for a new
 * document, set stricter.
 */
@Component
class LegacyRowReader {

  static final List<String> COLUMNS = List.of("legacy_number", "cooperation_type", "title", "partner_name",
      "partner_country", "proposer_unit", "location_provinces", "sectors", "document_kind", "document_number",
      "signatories", "signed_on", "start_date", "end_date");
  /** Optional column: the government affair (urusan pemerintahan), checked against lifecycle/GovernmentAffair. */
  static final String AFFAIR_COLUMN = "government_affair";
  /**
   * Optional column: the other party of a region–ministry Nota Kesepakatan (GR 28/2018 art. 46), as
   * {@code notaKesepakatanPartner} of the proposal start form: a ministry for a region's row, a province or
   * regency/city for a ministry's row (a group or its code).
   */
  static final String PARTNER_COLUMN = "nota_kesepakatan_partner";

  private final Organisations organisations;
  private final FormLimits formLimits;
  private final SigningSettings signing;

  public LegacyRowReader(Organisations organisations, FormLimits formLimits, SigningSettings signing) {
    this.organisations = organisations;
    this.formLimits = formLimits;
    this.signing = signing;
  }

  /** The proposal start form whose limits the title and the partner's name and country meet. */
  DeclaredForm proposalForm() {
    return formLimits.ofLatestStartForm(LifecycleProcess.PROCESS_KEY);
  }

  /** The valid row, or the problems (then the row is skipped). */
  record Result(LegacyRow row, List<String> problems) {
  }

  Result read(LegacyCsv.Row raw, LocalDate today, DeclaredForm proposalForm) {
    Map<String, Object> values = new HashMap<>();
    for (String column : COLUMNS) {
      values.put(column, raw.get(column));
    }
    for (String column : List.of("cooperation_type", "document_kind")) {
      values.put(column, raw.get(column).toUpperCase(Locale.ROOT));
    }
    for (String column : List.of("location_provinces", "sectors")) {
      values.put(column, raw.get(column).replace(';', ',').replace('|', ','));
    }
    FormValues form = new FormValues(values);
    if (raw.values().containsKey("#extra")) {
      form.problem("Baris berisi " + raw.values().get("#extra") + " kolom lebih banyak daripada judul kolom");
    }
    String legacyNumber = form.text("legacy_number", "Nomor lama (legacy_number)", 1, 100);
    CooperationType type = form.choice("cooperation_type", "Jenis kerja sama (cooperation_type)", CooperationType.class);
    String title = form.text("title", proposalForm.field(LifecycleProcess.FIELD_TITLE), "Judul (title)");
    // a region with a ministry or a ministry with a region: the Nota Kesepakatan route, as the proposal has it
    String partnerCode = raw.get(PARTNER_COLUMN).isEmpty() ? null : raw.get(PARTNER_COLUMN);
    if (partnerCode != null && type != null && type != CooperationType.DALAM_NEGERI) {
      form.problem("Mitra Nota Kesepakatan (" + PARTNER_COLUMN + ") hanya diisi untuk kerja sama dalam negeri"
          + " (DALAM_NEGERI) antara daerah dan kementerian/lembaga (PP 28/2018 pasal 46)");
      partnerCode = null;
    }
    // with a partner, its name and country come from the reference data, as on the proposal form
    String partnerName = partnerCode != null ? null : form.text("partner_name",
        proposalForm.field(LifecycleProcess.FIELD_PARTNER_NAME), "Nama mitra (partner_name)");
    String partnerCountry = partnerCode != null ? null : form.text("partner_country",
        proposalForm.field(LifecycleProcess.FIELD_PARTNER_COUNTRY), "Negara mitra (partner_country)");
    String proposerCode = form.text("proposer_unit", "Unit pengusul (proposer_unit)", 1, 64);
    List<String> locations = form.list("location_provinces", "Provinsi lokasi (location_provinces)", 1);
    List<String> sectorCodes = form.list("sectors", "Bidang (sectors)", 1);
    DocumentKind kind = form.choice("document_kind", "Jenis dokumen (document_kind)", DocumentKind.class);
    String documentNumber = form.text("document_number", "Nomor dokumen (document_number)", 1, 100);
    String signatories = form.optionalText("signatories", "Para penanda tangan (signatories)", 500);
    LocalDate signedOn = form.date("signed_on", "Tanggal penandatanganan (signed_on)");
    LocalDate start = form.date("start_date", "Tanggal mulai (start_date)");
    LocalDate end = form.date("end_date", "Tanggal berakhir (end_date)");
    // optional column: the government affair (urusan) the cooperation serves, one of the start form's 32 names
    String affair = null;
    String typedAffair = raw.get(AFFAIR_COLUMN);
    if (!typedAffair.isEmpty()) {
      affair = GovernmentAffair.ofName(typedAffair).map(GovernmentAffair::label).orElse(null);
      if (affair == null) {
        form.problem("Urusan pemerintahan (" + AFFAIR_COLUMN + ") '" + typedAffair + "' tidak ada dalam daftar urusan"
            + " Permendagri 22/2020 (UU 23/2014 pasal 12); tulis salah satu nama urusan seperti pada formulir usulan,"
            + " mis. Pendidikan, Perhubungan atau Lingkungan Hidup, atau kosongkan kolomnya");
      }
    }

    Unit proposer = null;
    if (proposerCode != null) {
      proposer = organisations.find(groupOf(proposerCode))
          .filter(u -> u.level() == UnitLevel.MINISTRY || u.isRegion()).orElse(null);
      if (proposer == null) {
        form.problem("Unit pengusul '" + proposerCode + "' tidak dikenal");
      } else if (type != null) {
        checkProposerFitsType(form, type, proposer, partnerCode != null);
      }
    }
    Unit partnerMinistry = null;
    Unit partnerRegion = null;
    if (partnerCode != null) {
      Unit partner = organisations.find(groupOf(partnerCode))
          .filter(u -> u.level() == UnitLevel.MINISTRY || u.isRegion()).orElse(null);
      if (partner == null) {
        form.problem("Mitra Nota Kesepakatan (" + PARTNER_COLUMN + ") '" + partnerCode + "' tidak dikenal; tulis"
            + " kementerian/lembaga (mis. kemenkes) atau daerah (mis. 32, 3273)");
      } else if (proposer != null && proposer.isRegion() && partner.level() != UnitLevel.MINISTRY) {
        form.problem("Mitra Nota Kesepakatan daerah adalah kementerian/lembaga, bukan " + partner.name()
            + "; kerja sama dengan daerah lain diimpor sebagai KSDD");
      } else if (proposer != null && !proposer.isRegion() && !partner.isRegion()) {
        form.problem("Mitra Nota Kesepakatan kementerian adalah provinsi atau kabupaten/kota, bukan "
            + partner.name());
      } else if (partner.isRegion()) {
        partnerRegion = partner;
      } else {
        partnerMinistry = partner;
      }
      if (partner != null) {
        partnerName = partner.name();
        partnerCountry = "Indonesia";
      }
    }
    List<String> locationGroups = new ArrayList<>();
    for (String code : locations) {
      String group = code.startsWith(Groups.PROVINCE_PREFIX) ? code : Groups.province(code);
      if (organisations.find(group).filter(u -> u.level() == UnitLevel.PROVINCE).isEmpty()) {
        form.problem("Provinsi lokasi '" + code + "' tidak dikenal");
      } else if (!locationGroups.contains(group)) {
        locationGroups.add(group);
      }
    }
    if (proposer != null && proposer.provinceGroup() != null && !locationGroups.contains(proposer.provinceGroup())) {
      locationGroups.add(0, proposer.provinceGroup());
    }
    if (partnerRegion != null && !locationGroups.contains(partnerRegion.provinceGroup())) {
      // and in its partner region's, as a proposal has it
      locationGroups.add(partnerRegion.provinceGroup());
    }
    List<String> sectors = new ArrayList<>();
    for (String code : sectorCodes) {
      try {
        sectors.add(Sector.valueOf(code.toUpperCase(Locale.ROOT)).name());
      } catch (IllegalArgumentException e) {
        form.problem("Bidang '" + code + "' tidak dikenal");
      }
    }
    // a KB or a Full Power is no agreement's current document: the row names the LoI, MoU, NK, PKS or MSP
    if (type != null && kind != null && !(kind.belongsTo(type) && kind.hasValidity())) {
      form.problem("Jenis dokumen " + kind.name() + " tidak berlaku untuk " + type.label().toLowerCase(Locale.ROOT)
          + "; pilihan: " + String.join(", ", DocumentKind.signedKindsOf(type).stream()
          .filter(DocumentKind::hasValidity).map(Enum::name).toList()));
    }
    if (kind == DocumentKind.NOTA_KESEPAKATAN && partnerCode == null && type == CooperationType.DALAM_NEGERI) {
      // a Nota Kesepakatan is between a region and a ministry (GR 28/2018 art. 46): the row names the other party
      form.problem("Nota Kesepakatan memerlukan mitranya: isi kolom " + PARTNER_COLUMN + " dengan kementerian/lembaga"
          + " (untuk daerah pengusul) atau provinsi/kabupaten/kota (untuk kementerian pengusul)");
    } else if (partnerCode != null && kind == DocumentKind.NK) {
      // the Nota Kesepakatan route signs a Nota Kesepakatan (and a PKS after it), not a Nota Kesepahaman
      form.problem("Kerja sama dengan mitra Nota Kesepakatan (" + PARTNER_COLUMN + ") memakai dokumen"
          + " NOTA_KESEPAKATAN atau PKS, bukan NK (Nota Kesepahaman)");
    }
    if (signedOn != null && signedOn.isAfter(today)) {
      form.problem("Tanggal penandatanganan " + IndonesianFormat.date(signedOn) + " di masa depan");
    }
    if (start != null && end != null) {
      if (!end.isAfter(start)) {
        form.problem("Tanggal berakhir harus sesudah tanggal mulai");
      } else if (kind == DocumentKind.PKS && end.isAfter(start.plusYears(signing.getPksMaxYears()))) {
        form.problem("Perjanjian Kerja Sama berlaku paling lama " + signing.getPksMaxYears()
            + " tahun; tanggal berakhir paling lambat " + IndonesianFormat.date(start.plusYears(signing.getPksMaxYears())));
      } else if (kind == DocumentKind.MSP
          && end.isAfter(start.plusMonths(SigningRecordListener.MSP_MAX_MONTHS_WITHOUT_PERMIT))) {
        form.problem("MSP berlaku paling lama " + SigningRecordListener.MSP_MAX_MONTHS_WITHOUT_PERMIT
            + " bulan (izin prinsip paling lama 3 tahun); tanggal berakhir paling lambat "
            + IndonesianFormat.date(start.plusMonths(SigningRecordListener.MSP_MAX_MONTHS_WITHOUT_PERMIT)));
      }
    }
    if (!form.problems().isEmpty()) {
      return new Result(null, List.copyOf(form.problems()));
    }
    return new Result(new LegacyRow(raw.line(), legacyNumber, type, title, partnerName, partnerCountry,
        proposer.group(), proposer.name(), proposer.level().name(), proposer.provinceGroup(),
        type == CooperationType.ORMAS_ASING ? proposer.group() : partnerMinistry == null ? null : partnerMinistry.group(),
        partnerRegion == null ? null : partnerRegion.group(), List.copyOf(locationGroups),
        List.copyOf(sectors), kind, documentNumber, signatories, signedOn, start, end, affair), List.of());
  }

  /** {@code 32} → province-32, {@code 3273} → regency-3273, {@code kemensos} → ministry-kemensos; groups stay. */
  static String groupOf(String code) {
    String c = code.trim();
    if (c.contains("-")) {
      return c;
    }
    if (c.matches("\\d{2}")) {
      return Groups.province(c);
    }
    if (c.matches("\\d{4}")) {
      return Groups.regency(c);
    }
    return Groups.ministry(c.toLowerCase(Locale.ROOT));
  }

  private static void checkProposerFitsType(FormValues form, CooperationType type, Unit proposer,
                                            boolean notaKesepakatan) {
    switch (type) {
      case ORMAS_ASING -> {
        if (proposer.level() != UnitLevel.MINISTRY) {
          form.problem("Kerja sama ormas asing diajukan oleh kementerian/lembaga mitra utama, bukan oleh " + proposer.name());
        }
      }
      case LUAR_NEGERI -> {
        // a region's foreign cooperation recorded before KSDPL/KSDLL, or Kemendagri's own technical cooperation
        if (!proposer.isRegion() && !proposer.group().startsWith(Groups.ministry("kemendagri"))) {
          form.problem("Kerja sama luar negeri diajukan oleh pemerintah daerah atau Kemendagri, bukan oleh "
              + proposer.name());
        }
      }
      case DALAM_NEGERI -> {
        // a region with a ministry, or any ministry with a region: Nota Kesepakatan (GR 28/2018 art. 46)
        if (!notaKesepakatan && !proposer.isRegion() && !proposer.group().startsWith(Groups.ministry("kemendagri"))) {
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
