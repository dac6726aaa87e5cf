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

  /** The TPOA coordinator seat (Ministry of Foreign Affairs). */
  public static final String TPOA_COORDINATOR = TPOA_PREFIX + "kemlu";

  private Groups() {
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
}
