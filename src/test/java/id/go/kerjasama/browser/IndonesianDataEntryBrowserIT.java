package id.go.kerjasama.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Indonesian data entry in Tasklist (app/tasklist/scripts/kerjasama-forms.js):
 * a province's officer (Maluku Utara, 82) types dates day first and a budget
 * with dots between the thousands, in a headless Chromium whose own date
 * format is the US one (month first) — the case that corrupted data before.
 * What the registry stored is read back through {@code /api}: the same
 * days, the exact amount. A date that does not exist is refused under its
 * field and the task stays open. At 1366×768 for the signing and at a
 * phone's 390×844 for the work plan.
 */
class IndonesianDataEntryBrowserIT extends BrowserTest {

  static final DateTimeFormatter INDONESIAN = DateTimeFormatter.ofPattern("dd/MM/yyyy");
  static final String PROVINCE = "province-82";

  final List<String> cardTexts = new java.util.ArrayList<>();

  @Test
  void datesTypedDayFirstAndRupiahWithDotsAreStoredAsTyped() {
    String key = propose(PROVINCE, "LUAR_NEGERI", PROVINCE, "82");
    approveUntil(key, "UserTask_RecordLoiSigning");
    long agreementId = agreementIdOf(key);

    // --- the LoI's dates, at 1366x768
    driver.manage().window().setSize(new Dimension(1366, 768));
    login("tasklist", userOf(PROVINCE), PASSWORD);
    openTask("Catat penandatanganan LoI");
    assertThat(cardTexts).last().asString().contains(key);
    driver.findElement(By.cssSelector("button.claim")).click();
    wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("button.claim")));

    LocalDate signedOn = unambiguous(TODAY.minusDays(20));
    LocalDate start = unambiguous(TODAY.minusDays(10));
    LocalDate end = unambiguous(start.plusYears(2));
    // the upload link opens in a new tab: nothing typed in the form is lost
    assertThat(driver.findElement(By.cssSelector("a[href='/api/agreements/" + agreementId
        + "/documents/upload?kind=LOI']")).getAttribute("target")).isEqualTo("_blank");
    WebElement date = field("Field_06-date");
    assertThat(date.getAttribute("placeholder")).isEqualTo("hh/bb/tttt");
    driver.findElement(By.cssSelector("input[id$='-Field_04']")).sendKeys("LOI/82/" + TODAY.getYear() + "/015");
    driver.findElement(By.cssSelector("input[id$='-Field_05']")).sendKeys("Gubernur Maluku Utara, Perwakilan Mitra");
    uploadThroughTheFormsLink(agreementId, "LOI", "00-upload-in-a-new-tab");
    // back in the form: what was typed is still there
    assertThat(field("Field_04").getAttribute("value")).isEqualTo("LOI/82/" + TODAY.getYear() + "/015");
    typeDate("Field_06", signedOn.format(INDONESIAN));
    typeDate("Field_07", start.format(INDONESIAN));
    // a day that does not exist: refused under the field, in Indonesian, never rolled over to March
    typeDate("Field_08", "31/02/" + end.getYear());
    WebElement problem = waitFor(By.cssSelector(".fjs-form .ks-field-error"));
    assertThat(problem.getText()).isEqualTo("\"31/02/" + end.getYear()
        + "\" bukan tanggal. Tulis tanggal sebagai hari/bulan/tahun, mis. 15/03/2027.");
    assertThat(field("Field_08-date").getAttribute("value")).isEmpty();
    // form-js' own message is Indonesian too, and the task cannot be completed
    assertThat(allText(By.cssSelector(".fjs-form"))).contains("Wajib diisi.").doesNotContain("Field is required");
    assertThat(reveal(By.cssSelector("button.btn-primary[ng-click='complete()']")).isEnabled()).isFalse();
    screenshot("01-date-that-does-not-exist");
    assertThat(openTasks(key)).containsExactly("UserTask_RecordLoiSigning");

    typeDate("Field_08", end.format(INDONESIAN));
    assertThat(driver.findElements(By.cssSelector(".fjs-form .ks-field-error"))).isEmpty();
    // shown back day first, zero-padded, and the calendar is Indonesian and starts on Monday
    assertThat(field("Field_06-date").getAttribute("value")).isEqualTo(signedOn.format(INDONESIAN));
    assertThat(field("Field_08-date").getAttribute("value")).isEqualTo(end.format(INDONESIAN));
    field("Field_08-date").click();
    WebElement calendar = waitFor(By.cssSelector(".flatpickr-calendar.open"));
    assertThat(calendar.findElement(By.cssSelector(".flatpickr-weekday")).getText()).isEqualTo("Sen");
    assertThat(calendar.getText()).contains(monthName(end));
    screenshot("02-dates-day-first");
    field("Field_08-date").sendKeys(Keys.ESCAPE);
    complete();
    wait.until(d -> openTasks(key).contains("UserTask_RaiseLoiToMou"));

    JsonNode agreement = check(get(userOf("fasker"), "/api/agreements/" + agreementId), 200).json();
    assertThat(agreement.findValue("signedOn").asText()).isEqualTo(signedOn.toString());
    assertThat(agreement.findValue("startDate").asText()).isEqualTo(start.toString());
    assertThat(agreement.findValue("endDate").asText()).isEqualTo(end.toString());

    // --- the MoU over REST, then the work plan's budget at a phone's size
    check(upload(userOf(PROVINCE), "/api/agreements/" + agreementId + "/documents?kind=MOU", "mou.pdf",
        "%PDF-1.4\n% MoU\n%%EOF\n".getBytes(StandardCharsets.US_ASCII)), 201);
    completeOverRest(key, "UserTask_RaiseLoiToMou", PROVINCE, Map.of(
        "documentNumber", value("MOU/82/" + TODAY.getYear() + "/015"),
        "signatories", value("Gubernur Maluku Utara, Perwakilan Mitra"),
        "signedOn", value(start.toString()), "startDate", value(start.toString()),
        "endDate", value(end.toString())));
    wait.until(d -> openTasks(key).contains("UserTask_DraftWorkPlan"));

    driver.manage().window().setSize(new Dimension(390, 844));
    driver.navigate().refresh();
    openTask("rencana kerja");
    reveal(By.cssSelector("button.claim")).click();
    wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("button.claim")));
    type("textarea[id$='-Field_06']", "Meningkatkan kapasitas aparatur Maluku Utara");
    type("textarea[id$='-Field_07']", "100 aparatur terlatih di 10 kabupaten/kota");
    type("textarea[id$='-Field_08']", "Pelatihan dan pendampingan teknis");
    WebElement budget = field("Field_10");
    assertThat(budget.getAttribute("class")).contains("ks-amount");
    // a thousands separator in the English way is refused, not read as a decimal point
    type("input[id$='-Field_10']", "1,500,000");
    reveal(By.cssSelector("textarea[id$='-Field_14']")).click();
    assertThat(waitFor(By.cssSelector(".fjs-form .ks-field-error")).getText()).contains("\"1,500,000\" bukan angka");
    type("input[id$='-Field_10']", "1.500.000.000");
    reveal(By.cssSelector("textarea[id$='-Field_14']")).click();
    assertThat(budget.getAttribute("value")).isEqualTo("1.500.000.000");
    LocalDate planEnd = LocalDate.of(TODAY.getYear(), 12, 31);
    typeDate("Field_12", unambiguous(TODAY).format(INDONESIAN));
    typeDate("Field_13", planEnd.format(INDONESIAN));
    type("textarea[id$='-Field_14']", "Triwulan I sampai IV");
    reveal(By.cssSelector("input[id$='-Field_17-1']")).click();
    assertThat(driver.findElements(By.cssSelector(".fjs-form .ks-field-error"))).isEmpty();
    reveal(By.cssSelector("input[id$='-Field_10']"));
    screenshot("03-budget-in-rupiah");
    complete();
    wait.until(d -> !openTasks(key).contains("UserTask_DraftWorkPlan"));

    JsonNode plans = check(get(userOf("fasker"), "/api/agreements/" + agreementId + "/work-plans"), 200).json();
    JsonNode content = plans.get(0).findValue("content");
    assertThat(content.get("budgetAmount").decimalValue()).isEqualByComparingTo("1500000000");
    assertThat(content.get("budgetCurrency").asText()).isEqualTo("IDR");
    assertThat(content.get("startDate").asText()).isEqualTo(unambiguous(TODAY).toString());
    assertThat(content.get("endDate").asText()).isEqualTo(planEnd.toString());
    screenshot("04-work-plan-sent");
  }

  /**
   * Nothing typed is lost, whatever the order and however busy the machine:
   * a province officer (Sulawesi Tenggara, 74) types the work plan's texts
   * FIRST -- the order in which a text field used to be emptied again when
   * a date field settled after it (form-js committed text 300 ms late and a
   * re-render in between put the old value back) -- then the dates and the
   * budget, changes the end date once more and presses "Selesaikan" straight
   * from the date field. What the engine received (the task's variables in
   * the history) and what the registry stored are exactly what was typed.
   */
  @Test
  void everyValueTypedIsStoredWhateverTheOrderOfTyping() {
    String desk = "province-74";
    String key = propose(desk, "LUAR_NEGERI", desk, "74", "Kerja sama Desk Empat: pelatihan aparatur");
    approveUntil(key, "UserTask_RecordLoiSigning");
    long agreementId = agreementIdOf(key);
    LocalDate start = unambiguous(TODAY.minusDays(10));
    LocalDate end = unambiguous(start.plusYears(2));
    byte[] pdf = "%PDF-1.4\n% Desk Empat\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    check(upload(userOf(desk), "/api/agreements/" + agreementId + "/documents?kind=LOI", "loi.pdf", pdf), 201);
    Map<String, Object> signing = Map.of(
        "documentNumber", value("LOI/74/" + TODAY.getYear() + "/044"),
        "signatories", value("Gubernur Sulawesi Tenggara, Perwakilan Mitra"),
        "signedOn", value(start.toString()), "startDate", value(start.toString()), "endDate", value(end.toString()));
    completeOverRest(key, "UserTask_RecordLoiSigning", desk, signing);
    wait.until(d -> openTasks(key).contains("UserTask_RaiseLoiToMou"));
    check(upload(userOf(desk), "/api/agreements/" + agreementId + "/documents?kind=MOU", "mou.pdf", pdf), 201);
    Map<String, Object> mou = new java.util.HashMap<>(signing);
    mou.put("documentNumber", value("MOU/74/" + TODAY.getYear() + "/044"));
    completeOverRest(key, "UserTask_RaiseLoiToMou", desk, mou);
    wait.until(d -> openTasks(key).contains("UserTask_DraftWorkPlan"));
    String processInstanceId = check(get(ADMIN, "/engine-rest/task?processInstanceBusinessKey=" + key
        + "&taskDefinitionKey=UserTask_DraftWorkPlan"), 200).json().get(0).get("processInstanceId").asText();

    driver.manage().window().setSize(new Dimension(1366, 768));
    // the officer's laptop in Kendari runs on Central Indonesian Time; the server runs in UTC
    ((org.openqa.selenium.chrome.ChromeDriver) driver).executeCdpCommand("Emulation.setTimezoneOverride",
        Map.of("timezoneId", "Asia/Makassar"));
    login("tasklist", userOf(desk), PASSWORD);
    openTask("rencana kerja", key);
    // Tasklist's footer names the officer's zone the way officers say it, not "Asia/Makassar" or "UTC"
    wait.until(d -> allText(By.id("footer-timezone")).contains("WITA"));
    assertThat(allText(By.id("footer-timezone")).replaceAll("\\s+", " ").trim())
        .isEqualTo("Tanggal dan waktu ditampilkan dalam zona waktu lokal: WITA (Waktu Indonesia Tengah)");
    reveal(By.cssSelector("button.claim")).click();
    wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("button.claim")));
    assertThat(((JavascriptExecutor) driver).executeScript("return window.kerjasamaForms.hooks"))
        .as("form-js and flatpickr found in Tasklist's bundle (re-check after a Camunda upgrade)")
        .isEqualTo(Map.of("formDebounceOff", true, "datePickerDefaults", true, "unitPrefill", true));

    // "Selesaikan" on the untouched form: form-js refuses it, and the first field to fill, at the top of a
    // long form, is scrolled into view and focused instead of a message out of sight; the task stays open
    complete();
    wait.until(d -> focusedId().endsWith("-Field_06"));
    assertThat(inView(By.cssSelector("textarea[id$='-Field_06']"))).isTrue();
    assertThat(allText(By.cssSelector(".fjs-form"))).contains("Wajib diisi.");
    // Tasklist's toast (its notifications widget: .notifications .alert with .status and .message)
    // names that field in Indonesian instead of only saying the form could not be sent
    wait.until(d -> allText(By.cssSelector(".notifications .alert")).contains("Periksa isian"));
    assertThat(allText(By.cssSelector(".notifications .alert")))
        .contains("Formulir belum dapat dikirim.")
        .contains("Periksa isian \"Tujuan\": Wajib diisi. Kolom itu sudah ditampilkan di layar.");
    screenshot("06-first-field-to-fill-focused");
    // "Selesaikan" is disabled now; pressing it all the same brings the officer back to that field
    WebElement disabled = reveal(By.cssSelector("button.btn-primary[ng-click='complete()']"));
    assertThat(disabled.isEnabled()).isFalse();
    // neither Tasklist's message nor the page footer lies over the button
    assertThat(((JavascriptExecutor) driver).executeScript("const r = arguments[0].getBoundingClientRect();"
        + " const top = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);"
        + " return top === arguments[0] || (top !== null && top.closest('.form-actions') !== null);", disabled))
        .isEqualTo(true);
    ((JavascriptExecutor) driver).executeScript("document.activeElement.blur()");
    new org.openqa.selenium.interactions.Actions(driver).moveToElement(disabled).click().perform();
    wait.until(d -> focusedId().endsWith("-Field_06") && inView(By.cssSelector("textarea[id$='-Field_06']")));
    assertThat(openTasks(key)).containsExactly("UserTask_DraftWorkPlan");

    // the texts first, the schedule (Field_14) before all
    Map<String, String> texts = new java.util.LinkedHashMap<>();
    texts.put("schedule", "Triwulan I: pelatihan\nTriwulan II sampai IV: pendampingan (Desk Empat)");
    texts.put("objectives", "Meningkatkan kapasitas aparatur Sulawesi Tenggara");
    texts.put("targets", "100% aparatur inti terlatih di 17 kabupaten/kota");
    texts.put("activities", "Pelatihan & pendampingan teknis, tahap 1/2");
    texts.put("localPartners", "Universitas Halu Oleo");
    texts.put("foreignStaff", "Tidak ada");
    texts.put("notes", "Diketik sebelum tanggal dan anggaran");
    Map<String, String> fields = Map.of("schedule", "Field_14", "objectives", "Field_06", "targets", "Field_07",
        "activities", "Field_08", "localPartners", "Field_15", "foreignStaff", "Field_16", "notes", "Field_18");
    texts.forEach((name, text) -> type("textarea[id$='-" + fields.get(name) + "']", text));
    reveal(By.cssSelector("input[id$='-Field_17-0']")).click();
    // then the dates and the budget, leaving each field at once
    LocalDate planStart = unambiguous(TODAY);
    LocalDate planEnd = LocalDate.of(TODAY.getYear(), 12, 31);
    LocalDate firstEnd = planEnd.minusDays(1).isBefore(planStart) ? planEnd : planEnd.minusDays(1);
    typeDate("Field_12", planStart.format(INDONESIAN));
    typeDate("Field_13", firstEnd.format(INDONESIAN));
    WebElement budget = reveal(By.cssSelector("input[id$='-Field_10']"));
    budget.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
    budget.sendKeys("Rp 2.750.000.000,50");
    reveal(By.cssSelector("textarea[id$='-Field_14']")).click();
    // every text is still there once the form has settled
    wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("button.btn-primary[ng-click='complete()']")));
    assertThat(budget.getAttribute("value")).isEqualTo("2.750.000.000,50");
    texts.forEach((name, text) -> assertThat(reveal(By.cssSelector("textarea[id$='-" + fields.get(name) + "']"))
        .getAttribute("value")).as(name).isEqualTo(text));
    assertThat(allText(By.cssSelector(".fjs-form"))).doesNotContain("Wajib diisi.");
    // the end date changed once more and "Selesaikan" pressed without leaving the field
    WebElement endField = field("Field_13-date");
    endField.click();
    endField.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
    endField.sendKeys(planEnd.format(INDONESIAN), Keys.ESCAPE);
    screenshot("05-typed-texts-first");
    complete();
    wait.until(d -> !openTasks(key).contains("UserTask_DraftWorkPlan"));

    // what the engine received from the form ...
    Map<String, JsonNode> submitted = submittedVariables(processInstanceId);
    texts.forEach((name, text) -> assertThat(submitted.get(name).asText()).as(name).isEqualTo(text));
    assertThat(submitted.get("planStart").asText()).isEqualTo(planStart.toString());
    assertThat(submitted.get("planEnd").asText()).isEqualTo(planEnd.toString());
    assertThat(submitted.get("budgetAmount").decimalValue()).isEqualByComparingTo("2750000000.50");
    assertThat(submitted.get("reportFrequency").asText()).isEqualTo("QUARTERLY");
    // ... and what the registry stored
    JsonNode content = check(get(userOf("fasker"), "/api/agreements/" + agreementId + "/work-plans"), 200).json()
        .get(0).findValue("content");
    texts.forEach((name, text) -> assertThat(content.get(name).asText()).as(name).isEqualTo(text));
    assertThat(content.get("startDate").asText()).isEqualTo(planStart.toString());
    assertThat(content.get("endDate").asText()).isEqualTo(planEnd.toString());
    assertThat(content.get("budgetAmount").decimalValue()).isEqualByComparingTo("2750000000.50");
  }

  private String focusedId() {
    Object id = ((JavascriptExecutor) driver).executeScript("return document.activeElement && document.activeElement.id");
    return id == null ? "" : id.toString();
  }

  /** Whether the element is entirely inside the browser's window. */
  private boolean inView(By by) {
    return Boolean.TRUE.equals(((JavascriptExecutor) driver).executeScript(
        "const r = arguments[0].getBoundingClientRect();"
            + " return r.top >= 0 && r.bottom <= window.innerHeight && r.height > 0;", driver.findElement(by)));
  }

  /**
   * The last value of each process variable as the history recorded it
   * (the draft's end listener removes the form's variables once stored).
   */
  private Map<String, JsonNode> submittedVariables(String processInstanceId) {
    JsonNode details = check(get(ADMIN, "/engine-rest/history/detail?processInstanceId=" + processInstanceId
        + "&variableUpdates=true&sortBy=occurrence&sortOrder=asc"), 200).json();
    Map<String, JsonNode> last = new java.util.HashMap<>();
    details.forEach(detail -> {
      if (detail.hasNonNull("value")) {
        last.put(detail.get("variableName").asText(), detail.get("value"));
      }
    });
    return last;
  }

  /** A date whose day is not its month, so that reading it month first would give another date. */
  static LocalDate unambiguous(LocalDate date) {
    return date.getDayOfMonth() == date.getMonthValue() ? date.plusDays(1) : date;
  }

  static String monthName(LocalDate date) {
    return List.of("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September",
        "Oktober", "November", "Desember").get(date.getMonthValue() - 1);
  }

  private void openTask(String name) {
    openTask(name, "");
  }

  /** Opens the first card of "Tugas kelompok saya" that shows the task's name and the text {@code of}. */
  private void openTask(String name, String of) {
    WebElement groupTasks = waitFor(By.partialLinkText("Tugas kelompok saya"));
    groupTasks.click();
    // the list is redrawn while it loads: a card found may be replaced before it is read or clicked
    String text = wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(d -> {
      WebElement card = d.findElements(By.cssSelector(".tasks-list li.task")).stream()
          .filter(t -> t.getText().contains(name) && t.getText().contains(of)).findFirst().orElse(null);
      if (card == null) {
        return null;
      }
      String shown = card.getText();
      card.findElement(By.cssSelector("h4 a")).click();
      return shown;
    });
    // the card says which agreement it is about
    assertThat(text).contains("Nomor registrasi");
    cardTexts.add(text);
    waitFor(By.cssSelector(".fjs-form"));
  }

  private WebElement field(String idSuffix) {
    return reveal(By.cssSelector("input[id$='-" + idSuffix + "']"));
  }

  private void typeDate(String field, String text) {
    WebElement input = field(field + "-date");
    input.click();
    input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
    input.sendKeys(text, Keys.TAB);
    ((JavascriptExecutor) driver).executeScript("document.activeElement && document.activeElement.blur()");
  }

  private void complete() {
    WebElement button = reveal(By.cssSelector("button.btn-primary[ng-click='complete()']"));
    wait.until(ExpectedConditions.elementToBeClickable(button));
    button.click();
  }

}
