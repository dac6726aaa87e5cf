package id.go.kerjasama.operations;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.kerjasama.ProcessTest;
import id.go.kerjasama.ProcessTestSupport;
import id.go.kerjasama.platform.deployment.ModelDeployer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.stream.Stream;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Redeploying the model folder the application runs from: only the changed
 * file gets a new version, and a running task of an unchanged diagram shows
 * the new form at once (formRefBinding="latest").
 */
@ProcessTest
class RedeploymentTest extends ProcessTestSupport {

  @Autowired
  RepositoryService repositoryService;
  @Autowired
  FormService formService;
  @Autowired
  ModelDeployer packagedDeployer;
  @Autowired
  TaskService taskService;

  /** Deployments are told apart by their time: let the clock run on past the start-up deployment. */
  private Instant clock = Instant.now();

  private void tick() {
    clock = clock.plusSeconds(60);
    setClock(clock);
  }

  @AfterEach
  void restorePackagedModels() {
    tick();
    packagedDeployer.deploy();
  }

  @Test
  void aChangedFormIsRedeployedAloneAndRunningTasksUseIt(@TempDir Path dir) throws IOException {
    copyModelFolders(dir);
    ProcessInstance started = submit("province-34", proposal("LUAR_NEGERI", "province-34", "34"));
    Task review = taskService.createTaskQuery().processInstanceBusinessKey(started.getBusinessKey()).list().get(0);
    int reviewVersion = repositoryService.createProcessDefinitionQuery().processDefinitionKey("central-approval")
        .latestVersion().singleResult().getVersion();

    // the open task's form, with a label changed
    String formId = formService.getTaskFormData(review.getId()).getCamundaFormRef().getKey();
    Path form = formFile(dir, formId);
    String formName = dir.relativize(form).toString().replace('\\', '/');
    Files.writeString(form, Files.readString(form, StandardCharsets.UTF_8)
        .replaceFirst("\"label\": \"", "\"label\": \"Direvisi: "), StandardCharsets.UTF_8);
    Redeployment redeployment = new Redeployment(new ModelDeployer(repositoryService, dir.toString()),
        repositoryService);

    tick();
    Redeployment.Report report = redeployment.redeploy("t-camunda-admin");

    assertThat(report.changed()).isTrue();
    assertThat(report.deployedResources()).containsExactly(formName);
    assertThat(report.unchangedResources()).contains("processes/central-approval.bpmn",
        "forms/cooperation-lifecycle/register-proposal.form");
    assertThat(report.newVersions()).isEmpty();
    assertThat(report.message()).isEqualTo("1 berkas mendapat versi baru, " + report.unchangedResources().size()
        + " tidak berubah");
    assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey("central-approval")
        .latestVersion().singleResult().getVersion()).isEqualTo(reviewVersion);
    try (InputStream deployed = formService.getDeployedTaskForm(review.getId())) {
      assertThat(new String(deployed.readAllBytes(), StandardCharsets.UTF_8)).contains("\"label\": \"Direvisi: ");
    }

    // the same folder again: nothing changes
    tick();
    Redeployment.Report again = redeployment.redeploy("t-camunda-admin");
    assertThat(again.changed()).isFalse();
    assertThat(again.message()).startsWith("Tidak ada perubahan");
  }

  @Test
  void aChangedDiagramGetsANewVersionAndIsReported(@TempDir Path dir) throws IOException {
    copyModelFolders(dir);
    int monitoringVersion = repositoryService.createProcessDefinitionQuery().processDefinitionKey("monitoring")
        .latestVersion().singleResult().getVersion();
    Path bpmn = dir.resolve("processes/monitoring.bpmn");
    Files.writeString(bpmn, Files.readString(bpmn, StandardCharsets.UTF_8)
        .replaceFirst("camunda:versionTag=\"([^\"]*)\"", "camunda:versionTag=\"$1-redeploy\""), StandardCharsets.UTF_8);

    tick();
    Redeployment.Report report = new Redeployment(new ModelDeployer(repositoryService, dir.toString()),
        repositoryService).redeploy("t-camunda-admin");

    assertThat(report.deployedResources()).containsExactly("processes/monitoring.bpmn");
    assertThat(report.newVersions()).singleElement().satisfies(v -> {
      assertThat(v.key()).isEqualTo("monitoring");
      assertThat(v.kind()).isEqualTo("BPMN");
      assertThat(v.version()).isEqualTo(monitoringVersion + 1);
      assertThat(v.versionTag()).endsWith("-redeploy");
    });
  }

  /** The form file whose Camunda Form id is {@code formId}. */
  private static Path formFile(Path dir, String formId) throws IOException {
    try (Stream<Path> files = Files.walk(dir.resolve("forms"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".form")).toList()) {
        if (Files.readString(file, StandardCharsets.UTF_8).matches("(?s).*\"id\"\\s*:\\s*\"" + formId + "\".*")) {
          return file;
        }
      }
    }
    throw new AssertionError("No form with id " + formId);
  }

  /** The packaged processes/ and forms/, as an administrator's folder (KERJASAMA_MODELS_DIR). */
  private static void copyModelFolders(Path dir) throws IOException {
    Path checkout = Path.of("").toAbsolutePath();
    for (String folder : new String[] {"processes", "forms"}) {
      try (Stream<Path> files = Files.walk(checkout.resolve(folder))) {
        for (Path file : files.filter(Files::isRegularFile).toList()) {
          Path copy = dir.resolve(checkout.relativize(file).toString());
          Files.createDirectories(copy.getParent());
          Files.copy(file, copy);
        }
      }
    }
  }
}
