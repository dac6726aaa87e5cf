package id.go.kerjasama.operations;

import id.go.kerjasama.platform.deployment.ModelDeployer;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Redeploys the folders the application runs from ({@code processes/} and
 * {@code forms/} of {@code kerjasama.models.directory}, else the packaged
 * copies) without a restart. Only changed resources get new versions.
 */
@Service
public class Redeployment {

  private static final Logger LOG = LoggerFactory.getLogger(Redeployment.class);

  private final ModelDeployer modelDeployer;
  private final RepositoryService repositoryService;

  public Redeployment(ModelDeployer modelDeployer, RepositoryService repositoryService) {
    this.modelDeployer = modelDeployer;
    this.repositoryService = repositoryService;
  }

  /** A definition that got a new version. */
  public record NewVersion(String resource, String kind, String key, String name, int version, String versionTag,
                           String id) {
  }

  /**
   * What a redeployment did.
   *
   * @param deploymentId the new deployment, {@code null} when nothing had changed
   * @param deployedResources resources that got new versions
   * @param unchangedResources resources already deployed as they are
   * @param newVersions the process and decision definitions of the new deployment
   * @param message a summary in Bahasa Indonesia
   */
  public record Report(String deploymentId, boolean changed, List<String> deployedResources,
                       List<String> unchangedResources, List<NewVersion> newVersions, String message) {
  }

  public Report redeploy(String byUser) {
    ModelDeployer.Result result = modelDeployer.deploy();
    LOG.info("Redeployment by {}: {} changed, {} unchanged", byUser, result.deployedResources().size(),
        result.unchangedResources().size());
    return describe(result);
  }

  Report describe(ModelDeployer.Result result) {
    List<NewVersion> versions = new ArrayList<>();
    if (result.changed()) {
      for (ProcessDefinition d : repositoryService.createProcessDefinitionQuery()
          .deploymentId(result.deploymentId()).orderByProcessDefinitionKey().asc().list()) {
        versions.add(new NewVersion(d.getResourceName(), "BPMN", d.getKey(), d.getName(), d.getVersion(),
            d.getVersionTag(), d.getId()));
      }
      for (DecisionDefinition d : repositoryService.createDecisionDefinitionQuery()
          .deploymentId(result.deploymentId()).orderByDecisionDefinitionKey().asc().list()) {
        versions.add(new NewVersion(d.getResourceName(), "DMN", d.getKey(), d.getName(), d.getVersion(),
            d.getVersionTag(), d.getId()));
      }
    }
    String message = result.changed()
        ? result.deployedResources().size() + " berkas mendapat versi baru, "
            + result.unchangedResources().size() + " tidak berubah"
        : "Tidak ada perubahan: " + result.unchangedResources().size() + " berkas sudah terpasang apa adanya";
    return new Report(result.deploymentId(), result.changed(), result.deployedResources(),
        result.unchangedResources(), versions, message);
  }
}
