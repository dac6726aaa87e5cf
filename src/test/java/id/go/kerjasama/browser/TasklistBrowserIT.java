package id.go.kerjasama.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * A province's officer in Tasklist, in Bahasa Indonesia: sees only the
 * province's own task, claims it, submits the LoI signing form with an end
 * date before the start date and without the signed document (the server's
 * messages are shown in the toast, the end date's also under its field; the
 * task stays open), uploads the document (through
 * the registry API the form links to), corrects the date and submits again,
 * and the cooperation moves on to the follow-up: raise the LoI to an MoU.
 */
class TasklistBrowserIT extends BrowserTest {

  /** Dates are typed day first (app/tasklist/scripts/kerjasama-forms.js). */
  static final DateTimeFormatter TYPED_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

  @Test
  void aProvinceOfficerWorksOnlyItsOwnTaskAndIsToldWhatIsWrong() {
    String own = propose("province-36", "LUAR_NEGERI", "province-36", "36");
    String other = propose("province-51", "LUAR_NEGERI", "province-51", "51");
    for (String key : List.of(own, other)) {
      approveUntil(key, "UserTask_RecordLoiSigning");
      assertThat(openTasks(key)).containsExactly("UserTask_RecordLoiSigning");
    }

    login("tasklist", userOf("province-36"), PASSWORD);
    WebElement groupTasks = waitFor(By.linkText("Tugas kelompok saya"));
    assertThat(pageText()).contains("Tugas saya", "Mulai proses");
    groupTasks.click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".tasks-list li.task")));
    List<WebElement> tasks = driver.findElements(By.cssSelector(".tasks-list li.task"));
    screenshot("01-group-tasks");
    assertThat(tasks).as("only the province's own task").hasSize(1);
    assertThat(tasks.get(0).getText()).contains("Catat penandatanganan LoI");

    tasks.get(0).findElement(By.cssSelector("h4 a")).click();
    waitFor(By.cssSelector("input[id$='-Field_04']"));
    assertThat(pageText()).contains(own).doesNotContain(other).contains("Klaim", "Nomor dokumen",
        "Unggah LoI yang telah ditandatangani");
    long agreementId = agreementIdOf(own);
    // the form's link, templated with the agreement id, opens the upload page of the registry API
    assertThat(driver.findElements(By.cssSelector("a[href='/api/agreements/" + agreementId
        + "/documents/upload?kind=LOI']"))).hasSize(1);
    screenshot("02-task-form");

    driver.findElement(By.cssSelector("button.claim")).click();
    wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("button.claim")));
    LocalDate start = TODAY.minusDays(1);
    driver.findElement(By.cssSelector("input[id$='-Field_04']")).sendKeys("LOI/36/" + TODAY.getYear() + "/001");
    driver.findElement(By.cssSelector("input[id$='-Field_05']")).sendKeys("Gubernur Banten, Perwakilan Mitra");
    typeDate("Field_06", start);
    typeDate("Field_07", start);
    typeDate("Field_08", start.minusMonths(1));
    complete();
    WebElement error = waitFor(By.cssSelector(".notifications .alert-danger"));
    screenshot("03-invalid-end-date");
    assertThat(error.getText()).contains("Tanggal berakhir harus sesudah tanggal mulai berlaku")
        .contains("belum diunggah");
    // the server's refusal (the form itself accepted the dates) also stands under the field it names;
    // the problem that names no field of the form stays in the toast only
    WebElement beside = waitFor(By.cssSelector(".fjs-form .ks-server-error"));
    assertThat(beside.getText()).isEqualTo("Tanggal berakhir harus sesudah tanggal mulai berlaku.");
    assertThat(driver.findElements(By.cssSelector(".fjs-form .ks-server-error"))).hasSize(1);
    WebElement endField = driver.findElement(By.cssSelector("input[id$='-Field_08-date']"))
        .findElement(By.xpath("./ancestor::div[contains(concat(' ', @class, ' '), ' fjs-form-field ')][1]"));
    assertThat(endField.findElements(By.cssSelector(".ks-server-error"))).containsExactly(beside);
    assertThat(endField.getText()).contains("Tanggal berakhir");
    assertThat(openTasks(own)).containsExactly("UserTask_RecordLoiSigning");

    check(upload(userOf("province-36"), "/api/agreements/" + agreementId + "/documents?kind=LOI", "loi.pdf",
        "%PDF-1.4\n% LoI ditandatangani\n%%EOF\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII)), 201);
    error.findElement(By.cssSelector("button.close.ng-scope")).click();
    typeDate("Field_08", start.plusYears(2));
    assertThat(driver.findElements(By.cssSelector(".fjs-form .ks-server-error"))).as("gone once corrected").isEmpty();
    complete();
    wait.until(d -> openTasks(own).contains("UserTask_RaiseLoiToMou"));
    wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("input[id$='-Field_08-date']")));
    screenshot("04-completed");
    assertThat(openTasks(own)).containsExactly("UserTask_RaiseLoiToMou");
    assertThat(openTasks(other)).containsExactly("UserTask_RecordLoiSigning");
    assertThat(driver.findElements(By.cssSelector(".notifications .alert-danger"))).isEmpty();
  }


  private void typeDate(String field, LocalDate date) {
    WebElement input = driver.findElement(By.cssSelector("input[id$='-" + field + "-date']"));
    input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
    input.sendKeys(date.format(TYPED_DATE), Keys.TAB);
  }

  private void complete() {
    WebElement button = driver.findElement(By.cssSelector("button.btn-primary[ng-click='complete()']"));
    wait.until(ExpectedConditions.elementToBeClickable(button));
    button.click();
  }
}
