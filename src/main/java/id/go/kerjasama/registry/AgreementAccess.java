package id.go.kerjasama.registry;

import id.go.kerjasama.platform.identity.CurrentUser;
import id.go.kerjasama.platform.identity.Groups;
import id.go.kerjasama.platform.web.ForbiddenException;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * Who may read an agreement through the application's API: the central
 * roles (Fasker, supervisors, administrators) all of them, everybody else
 * those their groups are involved in — the same rule as for process instances —
 * and the central reviewers what they review: TPOA members the foreign-NGO
 * cooperation, the Foreign Ministry (consulted) the regional foreign cooperation.
 */
@Component
public class AgreementAccess {

  private static final Set<String> CENTRAL = Set.of(Groups.FASKER, Groups.SUPERVISOR, Groups.ADMIN);

  private final IdentityService identityService;

  public AgreementAccess(IdentityService identityService) {
    this.identityService = identityService;
  }

  /** Fasker, supervisors and administrators see every agreement. */
  public static boolean isCentral(List<String> groups) {
    return groups.stream().anyMatch(g -> CENTRAL.contains(g) || Groups.isFaskerDivision(g));
  }

  /**
   * Who may add documents: Fasker, administrators, and the parties that sign
   * (the proposer, its province, the partner ministry, the foreign NGO). Supervisors only
   * look; location provinces only follow.
   */
  public boolean canUpload(List<String> groups, Agreement agreement) {
    return groups.stream().anyMatch(g -> g.equals(Groups.FASKER) || g.equals(Groups.ADMIN)
        || g.equals(agreement.proposerUnit()) || g.equals(agreement.proposerProvince())
        || g.equals(agreement.partnerMinistry()) || g.equals(agreement.partnerRegion())
        || g.equals(agreement.ngoGroup())
        || Groups.isFaskerDivision(g)
        // Kemlu issues the Full Power letter of a region's foreign cooperation
        || agreement.type().regionalForeign() && g.equals(Groups.ministry("kemlu")));
  }

  public Agreement checkUpload(Agreement agreement) {
    checkRead(agreement);
    if (!canUpload(currentGroups(), agreement)) {
      throw new ForbiddenException("Anda hanya dapat melihat dokumen kerja sama " + agreement.registrationNumber()
          + "; dokumen diunggah oleh para pihak yang menandatangani atau oleh Fasker");
    }
    return agreement;
  }

  /** The current user's id, for the audit trail. */
  public String currentUserId() {
    return CurrentUser.id(identityService);
  }

  public boolean canRead(List<String> groups, Agreement agreement) {
    return groups.stream().anyMatch(g -> CENTRAL.contains(g) || Groups.isFaskerDivision(g)
        || agreement.involvedGroups().contains(g)
        || reviews(g, agreement.type()));
  }

  static boolean reviews(String group, CooperationType type) {
    return switch (type) {
      case ORMAS_ASING -> group.startsWith(Groups.TPOA_PREFIX);
      case LUAR_NEGERI, KSDPL, KSDLL -> group.equals(Groups.ministry("kemlu"));
      case DALAM_NEGERI, KSDD, KSDPK -> false;
    };
  }

  /** The current user's groups; the REST filter has authenticated the request. */
  public List<String> currentGroups() {
    Authentication user = identityService.getCurrentAuthentication();
    if (user == null) {
      throw new ForbiddenException("Permintaan tanpa pengguna yang terautentikasi");
    }
    return user.getGroupIds() == null ? List.of() : user.getGroupIds();
  }

  public Agreement checkRead(Agreement agreement) {
    if (!canRead(currentGroups(), agreement)) {
      // the same answer as for an unknown id would leak less, but a clear 403 helps staff more
      throw new ForbiddenException("Anda tidak berhak melihat kerja sama " + agreement.registrationNumber());
    }
    return agreement;
  }
}
