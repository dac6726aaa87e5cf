package id.go.kerjasama.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Cockpit's own write controls (plugin.js WRITE_CONTROLS, plugin.css): on a
 * running central-approval instance a read-only supervisor sees no delete,
 * suspend, retry, add-variable, variable edit/delete, assignee or
 * candidate-group button, and on its process definition no suspend or job
 * priority button; an administrator sees every one of them on the same pages.
 * The supervisor's session is refused by the engine anyway (403).
 */
class CockpitWriteControlsBrowserIT extends BrowserTest {

  /** The process instance page's toolbar: delete, retry failed jobs, add variable, suspend. */
  static final List<String> INSTANCE_TOOLBAR = List.of(
      ".ctn-toolbar a.btn-toolbar:has(.glyphicon-remove)",
      ".ctn-toolbar a.btn-toolbar:has(.glyphicon-repeat)",
      ".ctn-toolbar a.btn-toolbar:has(.glyphicon-plus)",
      ".ctn-toolbar a.btn-suspend-action");
  static final List<String> VARIABLE_ROW = List.of(
      "[ng-click='enableEditMode(info, true)']", "[ng-click='deleteVariable(v)']");
  static final List<String> USER_TASK_ROW = List.of(
      "td.assignee .edit-toggle", ".change-group-identity-links", ".change-user-identity-links");
  static final List<String> DEFINITION_TOOLBAR = List.of(
      ".ctn-toolbar a.btn-suspend-action", ".ctn-toolbar a.action-button:has(.glyphicon-cog)");

  @Test
  void aSupervisorSeesNoWriteButtonAndAnAdministratorSeesThemAll() {
    String key = propose("province-93", "LUAR_NEGERI", "province-93", "93");
    String lifecycle = check(get(ADMIN, "/engine-rest/process-instance?businessKey=" + key
        + "&processDefinitionKey=cooperation-lifecycle"), 200).json().get(0).get("id").asText();
    var child = check(get(ADMIN, "/engine-rest/process-instance?superProcessInstance=" + lifecycle), 200).json().get(0);
    String instance = child.get("id").asText();
    String definition = child.get("definitionId").asText();

    login("cockpit", userOf("supervisor"), PASSWORD);
    visitInstance(instance, "none");
    screenshot("01-supervisor-instance");
    assertHidden(INSTANCE_TOOLBAR);
    assertHidden(VARIABLE_ROW);
    // the variables table's button column, headed "Actions" in Camunda's template, is gone with its buttons
    assertHidden(List.of("table.cam-table thead td.actions", "table.cam-table tbody td.actions"));
    assertThat(pageText()).doesNotContain("Actions");
    userTasksTab();
    screenshot("02-supervisor-user-tasks");
    assertHidden(USER_TASK_ROW);
    visitDefinition(definition);
    assertHidden(DEFINITION_TOOLBAR);
    screenshot("03-supervisor-definition");
    // hidden is not the protection: the engine refuses the supervisor's session
    assertThat(sessionRequest("PUT", "/camunda/api/engine/engine/default/process-instance/" + instance
        + "/suspended", "{\"suspended\": true}")).startsWith("403");
    assertThat(sessionRequest("DELETE", "/camunda/api/engine/engine/default/process-instance/" + instance, null))
        .startsWith("403");
    assertThat(check(get(ADMIN, "/engine-rest/process-instance/" + instance), 200).json()
        .get("suspended").asBoolean()).isFalse();

    driver.manage().deleteAllCookies();
    login("cockpit", ADMIN, ADMIN_PASSWORD);
    visitInstance(instance, "delete-instance suspend-instance retry variables update-instance definition tasks "
        + "deployment batch");
    screenshot("04-admin-instance");
    assertShown(INSTANCE_TOOLBAR);
    assertShown(VARIABLE_ROW);
    // for whoever may change variables the column is headed in Indonesian
    assertThat(driver.findElement(By.cssSelector("table.cam-table thead td.actions")).getText().trim())
        .isEqualTo("Tindakan");
    assertThat(pageText()).doesNotContain("Actions");
    userTasksTab();
    assertShown(USER_TASK_ROW);
    visitDefinition(definition);
    assertShown(DEFINITION_TOOLBAR);
    screenshot("05-admin-definition");
  }

  private void visitInstance(String instance, String expectedControls) {
    driver.get(url("/camunda/app/cockpit/default/#/process-instance/" + instance + "/runtime"));
    wait.until(ExpectedConditions.attributeToBe(By.tagName("html"), "data-ks-write-controls", expectedControls));
    // the toolbar's four actions and the variables' buttons are rendered (shown or not)
    wait.until(d -> d.findElements(By.cssSelector(".ctn-toolbar a.btn-toolbar")).size() >= 4);
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[ng-click='deleteVariable(v)']")));
  }

  private void visitDefinition(String definition) {
    driver.get(url("/camunda/app/cockpit/default/#/process-definition/" + definition + "/runtime"));
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".ctn-toolbar a.btn-suspend-action")));
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".ctn-toolbar a.action-button")));
  }

  private void userTasksTab() {
    WebElement tab = wait.until(d -> d.findElements(By.cssSelector("a[ng-click*='selectTab']")).stream()
        .filter(a -> a.getText().trim().equals("Tugas Pengguna")).findFirst().orElse(null));
    tab.click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".change-group-identity-links")));
  }

  private void assertHidden(List<String> selectors) {
    for (String selector : selectors) {
      List<WebElement> found = driver.findElements(By.cssSelector(selector));
      assertThat(found).as("Cockpit renders %s", selector).isNotEmpty();
      assertThat(found).as("%s is hidden", selector).noneMatch(WebElement::isDisplayed);
    }
  }

  private void assertShown(List<String> selectors) {
    for (String selector : selectors) {
      assertThat(driver.findElements(By.cssSelector(selector))).as("%s is shown", selector)
          .isNotEmpty().anyMatch(WebElement::isDisplayed);
    }
  }

  /** A request with the browser's Cockpit session and its CSRF token; answers "status body". */
  private String sessionRequest(String method, String path, String json) {
    return (String) ((JavascriptExecutor) driver).executeAsyncScript(
        "const done = arguments[arguments.length - 1];"
            + "const token = (document.cookie.match(/XSRF-TOKEN=([^;]+)/) || [])[1] || '';"
            + "fetch(arguments[0], {method: arguments[1], credentials: 'same-origin', body: arguments[2],"
            + " headers: {'X-XSRF-TOKEN': token, Accept: 'application/json', 'Content-Type': 'application/json'}})"
            + ".then(r => r.text().then(t => done(r.status + ' ' + t)), e => done('ERROR ' + e));",
        path, method, json);
  }
}
