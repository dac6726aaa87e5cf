package id.go.kerjasama.operations;

import id.go.kerjasama.platform.identity.CurrentUser;
import id.go.kerjasama.platform.identity.Groups;
import id.go.kerjasama.platform.web.ForbiddenException;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * Who may use the operations functions: administrators ({@code camunda-admin})
 * redeploy and migrate; the central watchers (supervisors, Fasker,
 * administrators) read the dashboard. The user comes from the engine's
 * current authentication, set by the REST filter (HTTP Basic on {@code /api})
 * or by the Cockpit session (plugin resources).
 */
@Component
public class AdminAccess {

  /** The groups that see the Cockpit dashboard. */
  public static final Set<String> DASHBOARD_GROUPS = Set.of(Groups.SUPERVISOR, Groups.FASKER, Groups.ADMIN);

  private final IdentityService identityService;

  public AdminAccess(IdentityService identityService) {
    this.identityService = identityService;
  }

  /** The current user's groups; none without an authenticated user. */
  public List<String> currentGroups() {
    Authentication user = identityService.getCurrentAuthentication();
    if (user == null) {
      throw new ForbiddenException("Permintaan tanpa pengguna yang terautentikasi");
    }
    return user.getGroupIds() == null ? List.of() : user.getGroupIds();
  }

  public boolean isAdmin() {
    Authentication user = identityService.getCurrentAuthentication();
    return user != null && user.getGroupIds() != null && user.getGroupIds().contains(Groups.ADMIN);
  }

  public String currentUserId() {
    return CurrentUser.id(identityService);
  }

  public void checkAdmin() {
    if (!currentGroups().contains(Groups.ADMIN)) {
      throw new ForbiddenException("Hanya administrator (camunda-admin) yang boleh melakukan ini");
    }
  }

  public void checkDashboard() {
    if (currentGroups().stream().noneMatch(DASHBOARD_GROUPS::contains)) {
      throw new ForbiddenException("Dasbor hanya untuk pengawas, Fasker dan administrator");
    }
  }
}
