package id.go.kerjasama.ngo;

import id.go.kerjasama.platform.forms.FormValues;
import id.go.kerjasama.platform.identity.Groups;
import id.go.kerjasama.platform.identity.Organisations;
import id.go.kerjasama.platform.identity.Unit;
import id.go.kerjasama.platform.identity.UnitLevel;
import java.util.Map;
import java.util.Optional;

/**
 * A validated work location to declare ({@code POST /api/ngos/{id}/locations}): a province by Kemendagri code
 * or group ({@code 18}, {@code province-18}), optionally a regency/city of that province, and the address.
 */
record NewLocation(String provinceGroup, String regencyGroup, String address) {

  static NewLocation read(Map<String, Object> body, Organisations organisations) {
    FormValues form = new FormValues(body);
    String province = form.text("province", "Provinsi lokasi", 2, 64);
    String regency = form.optionalText("regency", "Kabupaten/kota lokasi", 64);
    String address = form.text("address", "Alamat kegiatan", 5, 500);
    String provinceGroup = null;
    String regencyGroup = null;
    if (province != null) {
      String group = province.startsWith(Groups.PROVINCE_PREFIX) ? province : Groups.province(province);
      Optional<Unit> unit = organisations.find(group).filter(u -> u.level() == UnitLevel.PROVINCE);
      if (unit.isEmpty()) {
        form.problem("Provinsi lokasi '" + province + "' tidak dikenal");
      } else {
        provinceGroup = group;
      }
    }
    if (regency != null) {
      String group = regency.startsWith(Groups.REGENCY_PREFIX) ? regency : Groups.regency(regency);
      Optional<Unit> unit = organisations.find(group).filter(u -> u.level() == UnitLevel.REGENCY);
      if (unit.isEmpty()) {
        form.problem("Kabupaten/kota lokasi '" + regency + "' tidak dikenal");
      } else if (provinceGroup != null && !provinceGroup.equals(unit.get().provinceGroup())) {
        form.problem(unit.get().name() + " tidak berada di provinsi lokasi");
      } else {
        regencyGroup = group;
      }
    }
    form.throwIfInvalid();
    return new NewLocation(provinceGroup, regencyGroup, address);
  }
}
