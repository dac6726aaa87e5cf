package id.go.kerjasama.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The e-mail preferences page (platform/notification/PreferencesPage): an
 * officer opens it from the Welcome app's links, switches reminders off and
 * saves with the session (CSRF header, no second password); the page says
 * what was stored, the API answers the same, and the page shows it again
 * after a reload. At a phone's width.
 */
class NotificationPreferencesBrowserIT extends BrowserTest {

  @Test
  void anOfficerSwitchesRemindersOffOnThePageAndTheApiReadsItBack() {
    String officer = userOf("province-93");
    driver.manage().window().setSize(CockpitDashboardBrowserIT.PHONE);
    login("welcome", officer, PASSWORD);
    WebElement link = waitFor(By.cssSelector(".custom-links a[href='/api/me/notifications/page']"));
    assertThat(link.getText()).isEqualTo("Pemberitahuan e-mail");
    screenshot("01-welcome-link");
    link.click();

    waitFor(By.id("preferences"));
    screenshot("02-page");
    assertThat(driver.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("id");
    assertThat(pageText()).contains("Pemberitahuan e-mail", "Pengguna " + officer,
        "Pemberitahuan dikirim ke " + officer + "@kerjasama.test", "Terima pemberitahuan e-mail",
        "Tugas baru", "Pengingat tenggat", "Keterlambatan", "Informasi kerja sama");
    List<WebElement> switches = driver.findElements(By.cssSelector("input[role=switch]"));
    assertThat(switches).hasSize(5).allMatch(WebElement::isSelected);

    reveal(By.cssSelector("label[for='kind-REMINDER']")).click();
    assertThat(driver.findElement(By.id("kind-REMINDER")).isSelected()).isFalse();
    reveal(By.id("save")).click();
    WebElement result = waitFor(By.cssSelector("#result.ok"));
    screenshot("03-saved");
    assertThat(result.getText()).isEqualTo("Tersimpan. Tidak dikirim: Pengingat tenggat.");

    JsonNode stored = check(get(officer, "/api/me/notifications"), 200).json();
    assertThat(stored.get("enabled").asBoolean()).isTrue();
    Map<String, Boolean> kinds = new HashMap<>();
    stored.get("kinds").forEach(k -> kinds.put(k.get("kind").asText(), k.get("enabled").asBoolean()));
    assertThat(kinds).containsExactlyInAnyOrderEntriesOf(
        Map.of("NEW_TASK", true, "REMINDER", false, "ESCALATION", true, "INFORMATION", true));

    driver.navigate().refresh();
    waitFor(By.id("preferences"));
    assertThat(driver.findElement(By.id("kind-REMINDER")).isSelected()).isFalse();
    assertThat(driver.findElement(By.id("kind-NEW_TASK")).isSelected()).isTrue();

    // all e-mail off: the kinds are greyed out, and the API says so
    reveal(By.cssSelector("label[for='enabled']")).click();
    assertThat(driver.findElement(By.id("kinds")).getDomProperty("disabled")).isEqualTo("true");
    reveal(By.id("save")).click();
    assertThat(waitFor(By.cssSelector("#result.ok")).getText())
        .isEqualTo("Tersimpan. Anda tidak akan menerima e-mail pemberitahuan.");
    assertThat(check(get(officer, "/api/me/notifications"), 200).json().get("enabled").asBoolean()).isFalse();
    screenshot("04-all-off");
  }
}
