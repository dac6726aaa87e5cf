package id.go.kerjasama.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code /api/me/notifications} over HTTP on PostgreSQL: authenticated like the rest of /api. */
class NotificationPreferenceRestIT extends IntegrationTest {

  @Test
  void aUserSwitchesHerOwnNotificationsOffAndOnAgain() {
    assertThat(exchange(null, "PUT", "/api/me/notifications", Map.of("enabled", false)).status()).isEqualTo(401);

    String user = userOf("province-11");
    assertThat(check(get(user, "/api/me/notifications"), 200).json().get("enabled").asBoolean()).isTrue();
    Response off = check(put(user, "/api/me/notifications", Map.of("enabled", false)), 200);
    assertThat(off.json().get("userId").asText()).isEqualTo(user);
    assertThat(off.json().get("enabled").asBoolean()).isFalse();
    assertThat(off.json().get("email").asText()).isEqualTo(user + "@kerjasama.test");
    assertThat(check(get(user, "/api/me/notifications"), 200).json().get("enabled").asBoolean()).isFalse();
    // another user's preference is untouched
    assertThat(check(get(userOf("province-12"), "/api/me/notifications"), 200).json().get("enabled").asBoolean())
        .isTrue();

    assertThat(check(put(user, "/api/me/notifications", Map.of("enabled", "nanti")), 400).json()
        .get("message").asText()).contains("true atau false");
    assertThat(check(put(user, "/api/me/notifications", Map.of("enabled", true)), 200).json()
        .get("enabled").asBoolean()).isTrue();
  }

  @Test
  void eachKindIsSwitchedOnItsOwnAndThePageShowsTheChoice() {
    String user = userOf("tkksd-province-93");
    Response off = check(put(user, "/api/me/notifications", Map.of("kinds", Map.of("ESCALATION", false))), 200);
    assertThat(off.json().get("enabled").asBoolean()).isTrue();
    assertThat(off.json().get("kinds").findValuesAsText("kind"))
        .containsExactly("NEW_TASK", "REMINDER", "ESCALATION", "INFORMATION");
    assertThat(off.json().get("kinds").get(2).get("enabled").asBoolean()).isFalse();
    assertThat(off.json().get("kinds").get(2).get("label").asText()).isEqualTo("Keterlambatan");
    // an unknown kind: 400 with a message, and the known kind of the same request is not stored either
    assertThat(check(put(user, "/api/me/notifications", Map.of("kinds", Map.of("ESCALATION", true, "SPAM", true))),
        400).json().get("message").asText()).contains("'SPAM' tidak dikenal", "NEW_TASK, REMINDER");
    assertThat(check(get(user, "/api/me/notifications"), 200).json().get("kinds").get(2).get("enabled").asBoolean())
        .isFalse();
    assertThat(check(put(user, "/api/me/notifications", Map.of()), 400).json().get("message").asText())
        .contains("wajib diisi");
    assertThat(check(put(user, "/api/me/notifications", Map.of("kinds", Map.of())), 400).json().get("message")
        .asText()).contains("wajib diisi");

    Response page = check(get(user, "/api/me/notifications/page"), 200);
    assertThat(page.body()).contains("<html lang=\"id\">", "Pemberitahuan e-mail", user + "@kerjasama.test",
        "id=\"kind-ESCALATION\" name=\"ESCALATION\" data-kind=\"ESCALATION\">",
        "id=\"kind-REMINDER\" name=\"REMINDER\" data-kind=\"REMINDER\" checked>");
    assertThat(exchange(null, "GET", "/api/me/notifications/page", null).status()).isEqualTo(401);
  }
}
