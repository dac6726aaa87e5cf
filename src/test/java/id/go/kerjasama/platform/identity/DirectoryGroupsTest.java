package id.go.kerjasama.platform.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How directory groups become the application's groups (kerjasama.identity.ldap.group-mapping). */
class DirectoryGroupsTest {

  final Organisations organisations = new Organisations();

  @Test
  void explicitEntriesAndEqualOrganisationIdsMapEverythingElseGivesNothing() {
    DirectoryGroups groups = new DirectoryGroups(Map.of("bappeda-papua-barat", "province-92",
        "biro-kerja-sama", "fasker"), organisations);
    assertThat(groups.groupsOf(List.of("bappeda-papua-barat", "regency-9202", "semua-pegawai")))
        .containsExactly("province-92", "regency-9202");
    assertThat(groups.groupsOf(List.of("biro-kerja-sama"))).containsExactly("fasker");
    // a directory group named like a system group is no organisation: it maps only through an entry
    assertThat(groups.groupsOf(List.of("camunda-admin", "monitoring"))).isEmpty();
    assertThat(groups.directoryGroupsOf("province-92")).containsExactlyInAnyOrder("bappeda-papua-barat", "province-92");
    assertThat(groups.directoryGroupsOf("camunda-admin")).isEmpty();
  }

  @Test
  void anEntryMayNameTheAdministratorsGroupOnPurpose() {
    DirectoryGroups groups = new DirectoryGroups(Map.of("tim-ti-kerjasama", "camunda-admin"), organisations);
    assertThat(groups.groupsOf(List.of("tim-ti-kerjasama"))).containsExactly("camunda-admin");
    assertThat(groups.directoryGroupsOf("camunda-admin")).containsExactly("tim-ti-kerjasama");
  }

  @Test
  void anEntryNamingAnUnknownGroupStopsTheStart() {
    assertThatThrownBy(() -> new DirectoryGroups(Map.of("bappeda-papua-barat", "province-99"), organisations))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("bappeda-papua-barat").hasMessageContaining("province-99");
  }
}
