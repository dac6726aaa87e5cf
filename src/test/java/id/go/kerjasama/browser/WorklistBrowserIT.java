package id.go.kerjasama.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Tasks that say what they are, in Chromium as an officer of Gorontalo
 * (province 75) who is on the province's TKKSD: a task card shows the
 * registration number, the title and the proposer; the box above the list
 * finds it by part of its title (any case); "Kerja sama saya" lists the
 * agreement with its phase, next task and due date; the start form comes
 * with the officer's unit filled in, does not throw typed input away on Esc
 * in a dropdown and asks before closing, and after starting shows the
 * registration number, whose agreement the registry API answers with the
 * title, partner, country and unit that were typed.
 */
class WorklistBrowserIT extends BrowserTest {

  @Test
  void cardsSearchMyAgreementsAndTheStartForm() {
    String suffix = Long.toString(System.nanoTime() % 1_000_000);
    String title = "Pelatihan budidaya jagung Gorontalo " + suffix;
    String key = propose("province-75", "LUAR_NEGERI", "province-75", "75", title);
    String officer = officerOfGorontalo();

    driver.manage().window().setSize(new org.openqa.selenium.Dimension(1366, 768));
    login("tasklist", officer, PASSWORD);
    waitFor(By.linkText("Tugas kelompok saya")).click();
    wait.until(d -> d.findElements(By.cssSelector(".tasks-list li.task")).stream()
        .anyMatch(li -> li.getText().contains(key)));
    String proposerName = check(get(officer, "/engine-rest/process-instance?businessKey=" + key), 200).json()
        .findValuesAsText("id").stream().map(id -> get(officer, "/engine-rest/process-instance/" + id
            + "/variables/proposerName")).filter(r -> r.status() == 200).findFirst().orElseThrow().json()
        .get("value").asText();
    assertThat(proposerName).isNotBlank().doesNotContain("province-");
    // Tasklist shows two variables and the rest behind the card's toggle; the list may be drawn again
    // meanwhile on a loaded machine (its refresh), so the card is looked up again then
    WebElement[] opened = new WebElement[1];
    String cardText = wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(d -> {
      WebElement current = d.findElements(By.cssSelector(".tasks-list li.task")).stream()
          .filter(li -> li.getText().contains(key)).findFirst().orElse(null);
      if (current == null) {
        return null;
      }
      if (!current.getText().contains("Pengusul")) {
        if (!current.equals(opened[0])) { // each drawing of the card is opened once
          opened[0] = current;
          current.findElement(By.cssSelector(".shutter")).click();
        }
        return null;
      }
      return current.getText();
    });
    screenshot("01-card");
    assertThat(cardText).contains(key, title, "Pengusul", proposerName).doesNotContain("province-75");

    // the box above the list: part of the title, another case
    WebElement box = waitFor(By.cssSelector(".ks-task-search-input"));
    ((org.openqa.selenium.JavascriptExecutor) driver).executeScript("window.__ks = [];"
        + "const send = XMLHttpRequest.prototype.send; const open = XMLHttpRequest.prototype.open;"
        + "XMLHttpRequest.prototype.open = function (m, u) { this.__u = u; return open.apply(this, arguments); };"
        + "XMLHttpRequest.prototype.send = function (b) { const x = this; x.addEventListener('load', () =>"
        + " window.__ks.push(x.__u + ' ' + b + ' -> ' + x.status + ' ' + String(x.responseText).substring(0, 300)));"
        + " return send.apply(this, arguments); };");
    box.sendKeys("JAGUNG gorontalo " + suffix, Keys.ENTER);
    try {
      wait.until(d -> {
        List<WebElement> cards = d.findElements(By.cssSelector(".tasks-list li.task"));
        return cards.size() == 1 && cards.get(0).getText().contains(key);
      });
    } catch (RuntimeException e) {
      throw new AssertionError("requests: " + ((org.openqa.selenium.JavascriptExecutor) driver)
          .executeScript("return JSON.stringify(window.__ks);"), e);
    }
    assertThat(driver.getCurrentUrl()).contains("searchQuery");
    screenshot("02-search-by-title");

    // the same box, by the registration number
    WebElement byNumber = waitFor(By.cssSelector(".ks-task-search-input"));
    byNumber.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE, key, Keys.ENTER);
    wait.until(d -> {
      List<WebElement> cards = d.findElements(By.cssSelector(".tasks-list li.task"));
      return cards.size() == 1 && cards.get(0).getText().contains(key) && d.getCurrentUrl().contains(key);
    });
    screenshot("02a-search-by-number");

    // Tasklist's "any/all" toggle of the search, in Indonesian at 1366x768: its label and the text beside it
    // do not overlap, whichever it reads
    WebElement toggle = waitFor(By.cssSelector("[cam-widget-search] .match-any button"));
    assertThat(toggle.getText()).isEqualTo("SALAH SATU");
    assertNoOverlap(toggle, driver.findElement(By.cssSelector("[cam-widget-search] .match-any span")));
    toggle.click();
    wait.until(d -> "SEMUA".equals(d.findElement(By.cssSelector("[cam-widget-search] .match-any button")).getText()));
    assertNoOverlap(driver.findElement(By.cssSelector("[cam-widget-search] .match-any button")),
        driver.findElement(By.cssSelector("[cam-widget-search] .match-any span")));
    screenshot("02b-match-all");

    // "Kerja sama saya": the agreement with its phase and next task, as the registry and the engine hold them.
    // The officer looks at "Tugas saya" first, where the (unclaimed) task is not.
    waitFor(By.linkText("Tugas saya")).click();
    wait.until(d -> d.findElements(By.cssSelector(".tasks-list li.task")).stream()
        .noneMatch(li -> li.getText().contains(key)));
    driver.findElement(By.cssSelector(".ks-mine-open")).click();
    WebElement row = waitFor(By.cssSelector(".ks-mine-panel tr[data-registration-number='" + key + "']"));
    JsonNode task = check(get(officer, "/engine-rest/task?processInstanceBusinessKey=" + key), 200).json().get(0);
    long agreementId = check(get(officer, "/engine-rest/task/" + task.get("id").asText()
        + "/variables/agreementId"), 200).json().get("value").asLong();
    JsonNode stored = check(get(officer, "/api/agreements/" + agreementId), 200).json();
    screenshot("03-my-agreements");
    String group = check(get(ADMIN, "/engine-rest/task/" + task.get("id").asText()
        + "/identity-links?type=candidate"), 200).json().get(0).get("groupId").asText();
    String groupName = check(get(ADMIN, "/engine-rest/group/" + group), 200).json().get("name").asText();
    assertThat(row.getText()).contains(title, stored.get("phaseLabel").asText(), task.get("name").asText(),
        "Menunggu: " + groupName);
    if (task.hasNonNull("due")) {
      assertThat(row.findElement(By.cssSelector(".ks-due")).getText()).matches("(?s)\\d{2}/\\d{2}/\\d{4}.*");
    }
    // "Tampilkan tugasnya" finds the task whichever filter was selected: Tasklist now shows the filter that holds it
    row.findElement(By.cssSelector(".ks-show-tasks")).click();
    wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".ks-mine-panel")));
    wait.until(d -> {
      List<WebElement> cards = d.findElements(By.cssSelector(".tasks-list li.task"));
      return cards.size() == 1 && cards.get(0).getText().contains(key);
    });
    assertThat(driver.findElement(By.cssSelector(".task-filters .active")).getText()).contains("Tugas kelompok saya");
    screenshot("03b-tasks-of-agreement");

    // the start form: the unit filled in, nothing typed thrown away unasked
    driver.findElement(By.cssSelector(".start-process-action a")).click();
    waitFor(By.partialLinkText("Siklus hidup kerja sama")).click();
    waitFor(By.cssSelector(".modal .fjs-form"));
    wait.until(d -> "Provinsi Gorontalo".equals(d.findElement(By.cssSelector(".modal input[id$='-Field_06']"))
        .getDomProperty("value")));
    String newTitle = "Pertukaran penyuluh pertanian Gorontalo " + suffix;
    driver.findElement(By.cssSelector(".modal input[id$='-Field_03']")).sendKeys(newTitle);
    choose("Field_02", "Kerja sama teknik luar negeri Kemendagri");
    reveal(By.cssSelector(".modal input[id$='-Field_04']")).sendKeys("Japan International Cooperation Agency");
    driver.findElement(By.cssSelector(".modal input[id$='-Field_05']")).sendKeys("Jepang");
    WebElement provinces = reveal(By.cssSelector(".modal input[id$='-Field_07']"));
    provinces.click();
    // Esc in an open dropdown keeps the form and what was typed
    provinces.sendKeys("Goron");
    waitFor(By.cssSelector(".modal .fjs-dropdownlist"));
    new Actions(driver).sendKeys(Keys.ESCAPE).perform();
    assertThat(driver.findElements(By.cssSelector(".modal .fjs-form"))).as("Esc in a dropdown keeps the form")
        .hasSize(1);
    assertThat(driver.findElement(By.cssSelector(".modal input[id$='-Field_03']")).getDomProperty("value"))
        .isEqualTo(newTitle);
    provinces.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE, "Gorontalo");
    waitFor(By.cssSelector(".modal .fjs-dropdownlist-item")).click();
    provinces.sendKeys(Keys.TAB); // the tag list's dropdown closes
    wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".modal .fjs-dropdownlist")));
    reveal(By.xpath("//div[contains(@class,'modal')]//label[contains(., 'Pertanian')]")).click();
    WebElement start = reveal(By.cssSelector(".modal input[id$='-Field_09-date']"));
    start.sendKeys(TODAY.plusMonths(2).format(TasklistBrowserIT.TYPED_DATE), Keys.TAB);
    reveal(By.cssSelector(".modal input[id$='-Field_10']")).sendKeys("18", Keys.TAB);
    // the estimated budget, typed the Indonesian way (dots between the thousands)
    WebElement budget = reveal(By.cssSelector(".modal input[id$='-Field_10a']"));
    assertThat(budget.getAttribute("class")).contains("ks-amount");
    budget.sendKeys("1.500.000.000", Keys.TAB);
    assertThat(budget.getDomProperty("value")).isEqualTo("1.500.000.000");

    // "Tutup" asks first; the officer answers "no" (the page's confirm, answered here as a person would)
    JavascriptExecutor js = (JavascriptExecutor) driver;
    js.executeScript("window.__asked = []; window.confirm = q => { window.__asked.push(q); return false; };");
    reveal(By.cssSelector(".modal [ng-click='$dismiss()']")).click();
    assertThat(js.executeScript("return window.__asked.join('|');").toString()).contains("akan dibuang");
    assertThat(driver.findElements(By.cssSelector(".modal .fjs-form"))).as("Tutup answered no").hasSize(1);
    assertThat(driver.findElement(By.cssSelector(".modal input[id$='-Field_03']")).getDomProperty("value"))
        .isEqualTo(newTitle);
    screenshot("04-start-form");
    reveal(By.cssSelector(".modal .modal-footer button.btn-primary")).click();

    WebElement number = waitFor(By.cssSelector(".ks-started-notice .ks-registration-number"));
    screenshot("05-registration-number");
    String registered = number.getText();
    assertThat(registered).startsWith("KS-LN-");
    JsonNode found = check(get(officer, "/api/agreements?q=" + registered), 200).json().get("items");
    assertThat(found).hasSize(1);
    assertThat(found.get(0).get("title").asText()).isEqualTo(newTitle);
    assertThat(found.get(0).get("proposerUnit").asText()).isEqualTo("province-75");
    assertThat(found.get(0).get("partnerCountry").asText()).isEqualTo("Jepang");
    assertThat(found.get(0).get("partnerName").asText()).isEqualTo("Japan International Cooperation Agency");
    // the budget as typed, exactly, in the registry and its API
    JsonNode view = check(get(officer, "/api/agreements/" + found.get(0).get("id").asLong()), 200).json();
    assertThat(view.at("/agreement/estimatedBudget").decimalValue()).isEqualByComparingTo("1500000000");

    // and in the tab "Berkas kerja sama" of its first task, in Rupiah (the task follows the start in a job)
    awaitFollowUps(registered);
    String firstTask = check(get(officer, "/engine-rest/task?processInstanceBusinessKey=" + registered), 200).json()
        .get(0).get("id").asText();
    driver.get(url("/camunda/app/tasklist/default/#/?task=" + firstTask + "&detailsTab=kerjasama-dossier"));
    assertThat(reveal(By.cssSelector(".ks-dossier dd[data-fact='estimatedBudget']")).getText())
        .isEqualTo("Rp 1.500.000.000 (usulan)");
    screenshot("06-budget-in-dossier");
  }

  /**
   * The proposal on a phone (390×844): an officer of Sulawesi Tenggara opens
   * the start form from Tasklist's header (collapsed into its menu button),
   * types the start day first and the estimated budget with dots, starts it
   * and reads the registration number; the registry holds exactly what was
   * typed, and nothing on the page is wider than the screen.
   */
  @Test
  void aProvinceOfficerProposesOnAPhone() {
    driver.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
    String officer = userOf("province-74");
    login("tasklist", officer, PASSWORD);
    waitFor(By.cssSelector("[cam-widget-header]"));
    screenshot("10-phone-tasklist");
    By startLink = By.cssSelector(".start-process-action a");
    if (!driver.findElement(startLink).isDisplayed()) {
      waitFor(By.cssSelector("[cam-widget-header] .navbar-toggle")).click();
    }
    waitFor(startLink).click();
    waitFor(By.partialLinkText("Siklus hidup kerja sama")).click();
    waitFor(By.cssSelector(".modal .fjs-form"));
    wait.until(d -> "Provinsi Sulawesi Tenggara".equals(d.findElement(
        By.cssSelector(".modal input[id$='-Field_06']")).getDomProperty("value")));
    String title = "Pengembangan rumput laut Sulawesi Tenggara " + System.nanoTime() % 1_000_000;
    reveal(By.cssSelector(".modal input[id$='-Field_03']")).sendKeys(title);
    choose("Field_02", "Kerja sama teknik luar negeri Kemendagri");
    reveal(By.cssSelector(".modal input[id$='-Field_04']")).sendKeys("Korea International Cooperation Agency");
    reveal(By.cssSelector(".modal input[id$='-Field_05']")).sendKeys("Korea Selatan");
    pickInStartForm("Field_07", "Sulawesi Tenggara");
    reveal(By.xpath("//div[contains(@class,'modal')]//label[contains(., 'Lingkungan hidup')]")).click();
    java.time.LocalDate start = TODAY.plusMonths(3).withDayOfMonth(15);
    reveal(By.cssSelector(".modal input[id$='-Field_09-date']")).sendKeys(start.format(TasklistBrowserIT.TYPED_DATE),
        Keys.TAB);
    reveal(By.cssSelector(".modal input[id$='-Field_10']")).sendKeys("24", Keys.TAB);
    WebElement budget = reveal(By.cssSelector(".modal input[id$='-Field_10a']"));
    budget.sendKeys("1.500.000.000", Keys.TAB);
    assertThat(budget.getDomProperty("value")).isEqualTo("1.500.000.000");
    Object overflow = ((JavascriptExecutor) driver).executeScript(
        "return document.documentElement.scrollWidth - window.innerWidth;");
    assertThat(((Number) overflow).intValue()).as("page wider than the phone").isLessThanOrEqualTo(1);
    screenshot("11-phone-start-form");
    reveal(By.cssSelector(".modal .modal-footer button.btn-primary")).click();

    String registered = waitFor(By.cssSelector(".ks-started-notice .ks-registration-number")).getText();
    screenshot("12-phone-registration-number");
    JsonNode found = check(get(officer, "/api/agreements?q=" + registered), 200).json().get("items");
    assertThat(found).hasSize(1);
    JsonNode stored = check(get(officer, "/api/agreements/" + found.get(0).get("id").asLong()), 200).json()
        .get("agreement");
    assertThat(stored.get("title").asText()).isEqualTo(title);
    assertThat(stored.get("proposedStart").asText()).isEqualTo(start.toString());
    assertThat(stored.get("estimatedBudget").decimalValue()).isEqualByComparingTo("1500000000");
  }

  /** The two boxes, as the browser lays them out, share no pixel; the label is not cut off either. */
  private void assertNoOverlap(WebElement first, WebElement second) {
    org.openqa.selenium.Rectangle a = first.getRect();
    org.openqa.selenium.Rectangle b = second.getRect();
    boolean overlap = a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
    assertThat(overlap).as("'%s' %s and '%s' %s overlap", first.getText(), a, second.getText(), b).isFalse();
    // the label fits its button (a fixed width let it run out over the neighbour)
    assertThat((Boolean) ((JavascriptExecutor) driver).executeScript(
        "return arguments[0].scrollWidth <= arguments[0].clientWidth;", first)).as("label fits").isTrue();
  }

  /** A member of Gorontalo's TKKSD, who is staff of the province too (as the demo TKKSD users). */
  private String officerOfGorontalo() {
    String user = "it-worklist-75";
    if (get(ADMIN, "/engine-rest/user/" + user + "/profile").status() == 404) {
      check(post(ADMIN, "/engine-rest/user/create", Map.of(
          "profile", Map.of("id", user, "firstName", "Petugas", "lastName", "Gorontalo"),
          "credentials", Map.of("password", PASSWORD))), 204);
      check(put(ADMIN, "/engine-rest/group/province-75/members/" + user, null), 204);
      check(put(ADMIN, "/engine-rest/group/tkksd-province-75/members/" + user, null), 204);
    }
    return user;
  }
}
