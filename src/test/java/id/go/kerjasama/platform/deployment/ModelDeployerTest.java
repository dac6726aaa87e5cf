package id.go.kerjasama.platform.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.kerjasama.ProcessTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

/** Deployment under relative names, only changed resources get new versions. */
@ProcessTest
class ModelDeployerTest {

  @Autowired
  ModelDeployer deployer;
  @Autowired
  RepositoryService repositoryService;

  @Test
  void everyModelIsDeployedUnderItsRelativeName() {
    Map<String, byte[]> packaged = ModelDeployer.fromClasspath();
    assertThat(packaged.keySet()).contains("processes/cooperation-lifecycle.bpmn",
        "forms/cooperation-lifecycle/register-proposal.form");
    assertThat(packaged.keySet()).allMatch(n -> n.startsWith("processes/") || n.startsWith("forms/"));
    assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey("cooperation-lifecycle")
        .latestVersion().singleResult().getResourceName()).isEqualTo("processes/cooperation-lifecycle.bpmn");
  }

  @Test
  void deployingAgainWithNothingChangedCreatesNoNewVersion() {
    long definitions = repositoryService.createProcessDefinitionQuery().count();
    ModelDeployer.Result result = deployer.deploy();
    assertThat(result.changed()).isFalse();
    assertThat(repositoryService.createProcessDefinitionQuery().count()).isEqualTo(definitions);
  }

  @Test
  void onlyTheChangedResourceGetsANewVersion(@TempDir Path dir) throws Exception {
    Map<String, byte[]> resources = new TreeMap<>(ModelDeployer.fromClasspath());
    for (Map.Entry<String, byte[]> e : resources.entrySet()) {
      Path file = dir.resolve(e.getKey());
      Files.createDirectories(file.getParent());
      Files.write(file, e.getValue());
    }
    Path renewal = dir.resolve("processes/renewal.bpmn");
    String changed = Files.readString(renewal, StandardCharsets.UTF_8)
        .replaceFirst("camunda:versionTag=\"([^\"]*)\"", "camunda:versionTag=\"$1-test\"");
    Files.writeString(renewal, changed, StandardCharsets.UTF_8);
    int renewalVersion = repositoryService.createProcessDefinitionQuery().processDefinitionKey("renewal")
        .latestVersion().singleResult().getVersion();
    int lifecycleVersion = repositoryService.createProcessDefinitionQuery().processDefinitionKey("cooperation-lifecycle")
        .latestVersion().singleResult().getVersion();

    ModelDeployer.Result result = deployer.deploy(ModelDeployer.fromDirectory(dir));

    assertThat(result.deployedResources()).containsExactly("processes/renewal.bpmn");
    assertThat(result.unchangedResources()).contains("processes/cooperation-lifecycle.bpmn");
    assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey("renewal")
        .latestVersion().singleResult().getVersion()).isEqualTo(renewalVersion + 1);
    assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey("cooperation-lifecycle")
        .latestVersion().singleResult().getVersion()).isEqualTo(lifecycleVersion);

    // restore the packaged version so other tests run on it
    deployer.deploy(ModelDeployer.fromClasspath());
  }
}
