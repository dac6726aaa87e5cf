package id.go.kerjasama.workplan;

/** Who reviewed a work plan version. */
enum ReviewStep {
  /** A location province (one review per province, in parallel). */
  PROVINCE,
  /** The partner ministry (Kementerian/Lembaga Mitra Utama). */
  PARTNER_MINISTRY,
  /** Fasker's verification, the last step. */
  FASKER
}
