package id.go.kerjasama.operations;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Administrators' operations API (docs/operations.md), for members of
 * {@code camunda-admin} only (HTTP Basic, like all of {@code /api}):
 * redeploy the model folders, list process versions with their running
 * instances, and migrate running instances to a new version.
 */
@RestController
@RequestMapping("/api/admin")
class AdminController {

  private final AdminAccess access;
  private final Redeployment redeployment;
  private final MigrationService migrations;
  private final RepositoryService repositoryService;
  private final RuntimeService runtimeService;

  public AdminController(AdminAccess access, Redeployment redeployment, MigrationService migrations,
                         RepositoryService repositoryService, RuntimeService runtimeService) {
    this.access = access;
    this.redeployment = redeployment;
    this.migrations = migrations;
    this.repositoryService = repositoryService;
    this.runtimeService = runtimeService;
  }

  /** Redeploys {@code processes/} and {@code forms/}; only changed files get new versions. */
  @PostMapping("/deployments")
  public Redeployment.Report redeploy() {
    access.checkAdmin();
    return redeployment.redeploy(access.currentUserId());
  }

  /** One version of a process and how many instances still run on it. */
  public record ProcessVersion(String id, int version, String versionTag, String resource, String deploymentId,
                               long runningInstances) {
  }

  /** A process with all its versions, newest first. */
  public record ProcessVersions(String key, String name, List<ProcessVersion> versions) {
  }

  /** Every process (or one, with {@code ?key=}) with its versions and running instances per version. */
  @GetMapping("/processes")
  public List<ProcessVersions> processes(@RequestParam(required = false) String key) {
    access.checkAdmin();
    var query = repositoryService.createProcessDefinitionQuery();
    if (key != null && !key.isBlank()) {
      query.processDefinitionKey(key);
    }
    Map<String, ProcessVersions> byKey = new LinkedHashMap<>();
    for (ProcessDefinition d : query.orderByProcessDefinitionKey().asc().orderByProcessDefinitionVersion().desc()
        .list()) {
      ProcessVersions p = byKey.computeIfAbsent(d.getKey(), k -> new ProcessVersions(k, d.getName(), new ArrayList<>()));
      p.versions().add(new ProcessVersion(d.getId(), d.getVersion(), d.getVersionTag(), d.getResourceName(),
          d.getDeploymentId(), runtimeService.createProcessInstanceQuery().processDefinitionId(d.getId()).count()));
    }
    return List.copyOf(byKey.values());
  }

  /**
   * Migrates running instances of a process version to another (default:
   * the latest). A dry run ({@code "dryRun": true}, the default) only
   * reports (200); otherwise a batch moves the instances that can move and
   * the answer comes as soon as it is created: 202 with the batch's id and
   * its progress address (also in {@code Location}); 409 when no instance can
   * move.
   */
  @PostMapping(path = "/migrations", consumes = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<MigrationService.Report> migrate(@RequestBody MigrationService.Request request) {
    access.checkAdmin();
    MigrationService.Report report = migrations.migrate(request);
    if (report.dryRun()) {
      return ResponseEntity.ok(report);
    }
    if (report.batchId() == null) {
      return ResponseEntity.status(HttpStatus.CONFLICT).body(report);
    }
    return ResponseEntity.accepted().location(URI.create(report.progress())).body(report);
  }

  /** Progress of a migration batch. */
  @GetMapping("/migrations/{batchId}")
  public MigrationService.BatchReport batch(@PathVariable String batchId) {
    access.checkAdmin();
    return migrations.batch(batchId);
  }
}
