package id.go.kerjasama.registry;

/** Program areas of a cooperation (domain.md, [000][003]). */
public enum Sector {
  SOSIAL("Sosial"),
  EKONOMI("Ekonomi"),
  PENDIDIKAN("Pendidikan"),
  PERLINDUNGAN_ANAK("Perlindungan anak"),
  KESEJAHTERAAN_ANAK("Kesejahteraan anak"),
  PERTANIAN("Pertanian"),
  PARIWISATA("Pariwisata"),
  KESEHATAN("Kesehatan"),
  HIV_AIDS("HIV/AIDS"),
  PENANGGULANGAN_BENCANA("Penanggulangan bencana"),
  DISABILITAS("Disabilitas"),
  TATA_KELOLA("Tata kelola pemerintahan"),
  INFRASTRUKTUR("Infrastruktur"),
  LINGKUNGAN_HIDUP("Lingkungan hidup");

  private final String label;

  Sector(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
