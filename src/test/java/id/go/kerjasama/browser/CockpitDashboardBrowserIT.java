package id.go.kerjasama.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;

/**
 * The supervisors' dashboard in Cockpit: a supervisor opens it from the
 * menu and sees the portfolio charts and the history of a finished
 * cooperation; an administrator redeploys the models from it.
 */
class CockpitDashboardBrowserIT extends BrowserTest {

  @Test
  void aSupervisorSeesThePortfolioChartsAndAFinishedCooperationsHistory() {
    propose("province-21", "LUAR_NEGERI", "province-21", "21");
    String refused = propose("province-19", "LUAR_NEGERI", "province-19", "19");
    completeOverRest(refused, "UserTask_ReviewByFasker", "fasker",
        Map.of("decision", value("REFUSED"), "notes", value("Belum ada persetujuan DPRD")));

    driver.manage().window().setSize(new Dimension(1400, 2600));
    login("cockpit", userOf("supervisor"), PASSWORD);
    waitFor(By.id("kerjasama-dashboard-link")).click();
    waitFor(By.cssSelector("#kerjasama-dashboard[data-loaded='true']"));
    screenshot("01-dashboard");

    String text = allText(By.id("kerjasama-dashboard"));
    assertThat(text).contains("Dasbor Kerja Sama", "Kerja sama per fase dan jenis", "Kerja sama berjalan per provinsi",
        "Tugas terlambat per provinsi", "Kerja sama yang akan berakhir", "Hasil evaluasi",
        "Kerja sama yang sudah selesai", "Kepulauan Riau");
    assertThat(driver.findElements(By.cssSelector("svg[data-chart='phase-type'] rect.ks-bar"))).isNotEmpty();
    assertThat(driver.findElements(By.cssSelector("svg[data-chart='province'] rect.ks-bar"))).isNotEmpty();
    assertThat(driver.findElements(By.cssSelector("[data-chart='overdue']"))).hasSize(1);
    assertThat(driver.findElements(By.cssSelector("[data-chart='ratings']"))).hasSize(1);
    // read-only: no administration for supervisors
    assertThat(driver.findElements(By.cssSelector("[data-action='redeploy']"))).isEmpty();

    reveal(By.xpath("//table[@data-table='finished']//tr[td[text()='" + refused + "']]//button")).click();
    reveal(By.cssSelector("table[data-table='timeline']"));
    screenshot("02-history");
    assertThat(allText(By.cssSelector("[data-history]")))
        .contains("Riwayat " + refused, "Ditolak", "Verifikasi usulan kerja sama (Kemendagri)", "REFUSED",
            "Belum ada persetujuan DPRD", "it-fasker");
  }

  @Test
  void anAdministratorRedeploysTheModelsFromTheDashboard() {
    login("cockpit", ADMIN, ADMIN_PASSWORD);
    driver.get(url("/camunda/app/cockpit/default/#/kerjasama"));
    reveal(By.cssSelector("[data-action='redeploy']")).click();
    WebElement message = reveal(By.cssSelector("[data-redeploy-result] .ks-message"));
    screenshot("03-redeploy");
    // the packaged models are deployed already
    assertThat(message.getText()).startsWith("Tidak ada perubahan").contains("berkas sudah terpasang");
  }
}
