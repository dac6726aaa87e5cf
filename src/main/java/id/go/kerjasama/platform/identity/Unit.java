package id.go.kerjasama.platform.identity;

/**
 * An organisational unit that is also a Camunda group.
 *
 * @param group         the Camunda group id, e.g. {@code province-32}
 * @param name          the unit's name in Bahasa Indonesia
 * @param level         the level of government
 * @param provinceGroup for a province its own group, for a regency/city its
 *                      province's group, otherwise {@code null}
 */
public record Unit(String group, String name, UnitLevel level, String provinceGroup) {

  public boolean isRegion() {
    return level == UnitLevel.PROVINCE || level == UnitLevel.REGENCY;
  }
}
