package id.go.kerjasama.lifecycle;

import java.util.Arrays;
import java.util.Optional;

/**
 * The government affairs (urusan pemerintahan) a region's cooperation may
 * serve, as Permendagri 22/2020 lists the objects of KSDD (docs/regulations.md
 * §2.1, Verified [S42]) with the names of UU 23/2014 art. 12: six mandatory
 * affairs of basic services, eighteen other mandatory affairs, eight optional
 * affairs. The start form's select {@code governmentAffair} offers exactly
 * these labels (ProposalFormRegionalTest compares them); the server accepts
 * nothing else. The label is what the registry stores.
 */
public enum GovernmentAffair {
  PENDIDIKAN("Pendidikan", Kind.BASIC_SERVICE),
  KESEHATAN("Kesehatan", Kind.BASIC_SERVICE),
  PEKERJAAN_UMUM("Pekerjaan Umum dan Penataan Ruang", Kind.BASIC_SERVICE),
  PERUMAHAN("Perumahan Rakyat dan Kawasan Permukiman", Kind.BASIC_SERVICE),
  TRANTIBUM("Ketenteraman, Ketertiban Umum, dan Pelindungan Masyarakat", Kind.BASIC_SERVICE),
  SOSIAL("Sosial", Kind.BASIC_SERVICE),
  TENAGA_KERJA("Tenaga Kerja", Kind.MANDATORY),
  PEMBERDAYAAN_PEREMPUAN("Pemberdayaan Perempuan dan Pelindungan Anak", Kind.MANDATORY),
  PANGAN("Pangan", Kind.MANDATORY),
  PERTANAHAN("Pertanahan", Kind.MANDATORY),
  LINGKUNGAN_HIDUP("Lingkungan Hidup", Kind.MANDATORY),
  ADMINDUK("Administrasi Kependudukan dan Pencatatan Sipil", Kind.MANDATORY),
  PEMBERDAYAAN_MASYARAKAT("Pemberdayaan Masyarakat dan Desa", Kind.MANDATORY),
  KELUARGA_BERENCANA("Pengendalian Penduduk dan Keluarga Berencana", Kind.MANDATORY),
  PERHUBUNGAN("Perhubungan", Kind.MANDATORY),
  KOMINFO("Komunikasi dan Informatika", Kind.MANDATORY),
  KOPERASI_UKM("Koperasi, Usaha Kecil, dan Menengah", Kind.MANDATORY),
  PENANAMAN_MODAL("Penanaman Modal", Kind.MANDATORY),
  KEPEMUDAAN_OLAHRAGA("Kepemudaan dan Olahraga", Kind.MANDATORY),
  STATISTIK("Statistik", Kind.MANDATORY),
  PERSANDIAN("Persandian", Kind.MANDATORY),
  KEBUDAYAAN("Kebudayaan", Kind.MANDATORY),
  PERPUSTAKAAN("Perpustakaan", Kind.MANDATORY),
  KEARSIPAN("Kearsipan", Kind.MANDATORY),
  KELAUTAN_PERIKANAN("Kelautan dan Perikanan", Kind.OPTIONAL),
  PARIWISATA("Pariwisata", Kind.OPTIONAL),
  PERTANIAN("Pertanian", Kind.OPTIONAL),
  KEHUTANAN("Kehutanan", Kind.OPTIONAL),
  ESDM("Energi dan Sumber Daya Mineral", Kind.OPTIONAL),
  PERDAGANGAN("Perdagangan", Kind.OPTIONAL),
  PERINDUSTRIAN("Perindustrian", Kind.OPTIONAL),
  TRANSMIGRASI("Transmigrasi", Kind.OPTIONAL);

  /** Mandatory affair of basic services, other mandatory affair, optional affair. */
  enum Kind { BASIC_SERVICE, MANDATORY, OPTIONAL }

  private final String label;
  private final Kind kind;

  GovernmentAffair(String label, Kind kind) {
    this.label = label;
    this.kind = kind;
  }

  public String label() {
    return label;
  }

  Kind kind() {
    return kind;
  }

  /** The affair with exactly this label (as the form submits it). */
  static Optional<GovernmentAffair> ofLabel(String label) {
    return Arrays.stream(values()).filter(a -> a.label.equals(label)).findFirst();
  }

  /**
   * The affair a typed name means, ignoring case and surrounding blanks (the legacy import's
   * {@code government_affair} column, written by hand in spreadsheets).
   */
  public static Optional<GovernmentAffair> ofName(String name) {
    String typed = name == null ? "" : name.trim().replaceAll("\\s+", " ");
    return Arrays.stream(values()).filter(a -> a.label.equalsIgnoreCase(typed)).findFirst();
  }
}
