package id.go.kerjasama.platform.deployment;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Deploys the diagrams ({@code processes/}) and forms ({@code forms/}) with
 * relative resource names ({@code processes/evaluation.bpmn},
 * {@code forms/evaluation/evaluate.form}), so the same files always have the
 * same names and only changed resources get new versions.
 *
 * <p>Source: the folder in {@code kerjasama.models.directory} if set (so an
 * administrator can redeploy without rebuilding), else the copies packaged in
 * the jar.
 */
@Component
public class ModelDeployer {

  private static final Logger LOG = LoggerFactory.getLogger(ModelDeployer.class);
  public static final String DEPLOYMENT_NAME = "kerjasama";
  public static final String DEPLOYMENT_SOURCE = "kerjasama-app";
  static final String[] FOLDERS = {"processes", "forms"};
  static final String[] EXTENSIONS = {".bpmn", ".dmn", ".form"};

  private final RepositoryService repositoryService;
  private final String directory;

  public ModelDeployer(RepositoryService repositoryService,
                       @Value("${kerjasama.models.directory:}") String directory) {
    this.repositoryService = repositoryService;
    this.directory = directory;
  }

  /** Deploys what changed since the last deployment; reports what it did. */
  public Result deploy() {
    Map<String, byte[]> resources = directory == null || directory.isBlank()
        ? fromClasspath() : fromDirectory(Path.of(directory));
    return deploy(resources);
  }

  /**
   * What a deployment did.
   *
   * @param deploymentId the new deployment, or {@code null} if nothing had changed
   * @param deployedResources the resources that got new versions
   * @param unchangedResources the resources that were already deployed as they are
   */
  public record Result(String deploymentId, List<String> deployedResources, List<String> unchangedResources) {

    public boolean changed() {
      return deploymentId != null;
    }
  }

  public Result deploy(Map<String, byte[]> resources) {
    if (resources.isEmpty()) {
      throw new IllegalStateException("No diagrams or forms found to deploy");
    }
    Deployment latestBefore = latestDeployment();
    DeploymentBuilder builder = repositoryService.createDeployment()
        .name(DEPLOYMENT_NAME)
        .source(DEPLOYMENT_SOURCE)
        .enableDuplicateFiltering(true);
    resources.forEach((name, bytes) -> builder.addInputStream(name, new ByteArrayInputStream(bytes)));
    Deployment deployment = builder.deploy();
    if (latestBefore != null && latestBefore.getId().equals(deployment.getId())) {
      return new Result(null, List.of(), List.copyOf(resources.keySet()));
    }
    List<String> deployed = repositoryService.getDeploymentResourceNames(deployment.getId());
    List<String> unchanged = resources.keySet().stream().filter(n -> !deployed.contains(n)).toList();
    LOG.info("Deployed {} changed model(s) as deployment {}: {}", deployed.size(), deployment.getId(), deployed);
    return new Result(deployment.getId(), deployed, unchanged);
  }

  private Deployment latestDeployment() {
    List<Deployment> latest = repositoryService.createDeploymentQuery()
        .deploymentName(DEPLOYMENT_NAME)
        .orderByDeploymentTime().desc()
        .listPage(0, 1);
    return latest.isEmpty() ? null : latest.get(0);
  }

  /** Reads the packaged models, named relative to the classpath root. */
  static Map<String, byte[]> fromClasspath() {
    Map<String, byte[]> resources = new TreeMap<>();
    PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
    for (String folder : FOLDERS) {
      for (String extension : EXTENSIONS) {
        try {
          for (Resource resource : resolver.getResources("classpath*:" + folder + "/**/*" + extension)) {
            String url = resource.getURL().toString();
            String name = url.substring(url.lastIndexOf(folder + "/"));
            try (InputStream in = resource.getInputStream()) {
              resources.put(name, in.readAllBytes());
            }
          }
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
    return resources;
  }

  /** Reads {@code <dir>/processes} and {@code <dir>/forms}, named relative to {@code dir}. */
  static Map<String, byte[]> fromDirectory(Path dir) {
    Map<String, byte[]> resources = new TreeMap<>();
    for (String folder : FOLDERS) {
      Path root = dir.resolve(folder);
      if (!Files.isDirectory(root)) {
        continue;
      }
      try (Stream<Path> files = Files.walk(root)) {
        for (Path file : files.filter(Files::isRegularFile).toList()) {
          String name = dir.relativize(file).toString().replace('\\', '/');
          if (Stream.of(EXTENSIONS).anyMatch(name::endsWith)) {
            resources.put(name, Files.readAllBytes(file));
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return resources;
  }
}
