package id.go.kerjasama.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Which addresses {@link WebappSignInRedirect} sends to {@code /masuk} when there is no session: the four
 * apps' pages only, not their files, Camunda's API or Admin's first-administrator setup page.
 */
class WebappSignInRedirectTest {

  final WebappSignInRedirect redirect = new WebappSignInRedirect("/camunda");

  @Test
  void theFourAppsPagesAreRedirectedWithTheirOwnName() {
    assertThat(redirect.appOf("/camunda/app/tasklist/default/")).isEqualTo("tasklist");
    assertThat(redirect.appOf("/camunda/app/cockpit/default/")).isEqualTo("cockpit");
    assertThat(redirect.appOf("/camunda/app/admin/default/")).isEqualTo("admin");
    assertThat(redirect.appOf("/camunda/app/welcome/default/")).isEqualTo("welcome");
    assertThat(redirect.engineOf("/camunda/app/cockpit/other-engine/")).isEqualTo("other-engine");
  }

  @Test
  void theirFilesTheSetupPageAndOtherAddressesAreNot() {
    assertThat(redirect.appOf("/camunda/app/admin/default/setup/")).isNull();
    assertThat(redirect.appOf("/camunda/app/tasklist/styles/user-styles.css")).isNull();
    assertThat(redirect.appOf("/camunda/app/tasklist/scripts/config.js")).isNull();
    assertThat(redirect.appOf("/camunda/app/kerjasama-webapps.css")).isNull();
    assertThat(redirect.appOf("/camunda/app/tasklist/")).isNull();
    assertThat(redirect.appOf("/camunda/app/evil/default/")).isNull();
    assertThat(redirect.appOf("/camunda/api/admin/auth/user/default")).isNull();
    assertThat(redirect.appOf("/other/app/tasklist/default/")).isNull();
  }
}
