package id.go.kerjasama.platform.identity;

/** The level of government a proposing or implementing unit belongs to. */
public enum UnitLevel {
  CENTRAL,
  MINISTRY,
  TPOA,
  PROVINCE,
  REGENCY
}
