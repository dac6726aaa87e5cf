package id.go.kerjasama.platform.identity;

/** Camunda group ids and their naming scheme (see docs/roles.md). */
public final class Groups {

  public static final String FASKER = "fasker";
  public static final String SUPERVISOR = "supervisor";
  public static final String ADMIN = "camunda-admin";

  public static final String MINISTRY_PREFIX = "ministry-";
  public static final String TPOA_PREFIX = "tpoa-";
  public static final String PROVINCE_PREFIX = "province-";
  public static final String REGENCY_PREFIX = "regency-";
  /**
   * A region's coordination team for cooperation (Tim Koordinasi Kerja Sama Daerah):
   * {@code tkksd-<region group>}, e.g. {@code tkksd-province-32}, {@code tkksd-regency-3273}.
   */
  public static final String TKKSD_PREFIX = "tkksd-";

  /** Fasker's domestic division (kerja sama dalam negeri, KDN). */
  public static final String FASKER_KDN = "fasker-kdn";
  /** Fasker's inter-country division (kerja sama antarnegara, KAN). */
  public static final String FASKER_KAN = "fasker-kan";
  /** Fasker's division for international organisations and foreign institutions (OILA). */
  public static final String FASKER_OILA = "fasker-oila";

  /** The TPOA coordinator seat (Ministry of Foreign Affairs). */
  public static final String TPOA_COORDINATOR = TPOA_PREFIX + "kemlu";

  private Groups() {
  }

  /** One of Fasker's three divisions (its members act for Fasker in that division's cooperation). */
  public static boolean isFaskerDivision(String group) {
    return FASKER_KDN.equals(group) || FASKER_KAN.equals(group) || FASKER_OILA.equals(group);
  }

  public static String ministry(String code) {
    return MINISTRY_PREFIX + code;
  }

  public static String tpoa(String code) {
    return TPOA_PREFIX + code;
  }

  public static String province(String code) {
    return PROVINCE_PREFIX + code;
  }

  public static String regency(String code) {
    return REGENCY_PREFIX + code;
  }

  /** The TKKSD group of a province's or regency/city's group. */
  public static String tkksd(String regionGroup) {
    return TKKSD_PREFIX + regionGroup;
  }
}
