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
}
