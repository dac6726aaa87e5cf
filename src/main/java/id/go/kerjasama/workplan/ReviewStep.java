package id.go.kerjasama.workplan;

/** Who reviewed a work plan version. */
enum ReviewStep {
  /** A location province (one review per province, in parallel). */
  PROVINCE,
  /** The location region agreeing and co-signing a foreign NGO's regional RKT (it may reject it). */
  REGION,
  /** The partner ministry (Kementerian/Lembaga Mitra Utama). */
  PARTNER_MINISTRY,
  /** Fasker's verification, the last step. */
  FASKER
}
