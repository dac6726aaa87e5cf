package id.go.kerjasama.ngo;

import id.go.kerjasama.platform.identity.CurrentUser;
import id.go.kerjasama.platform.identity.Groups;
import id.go.kerjasama.platform.web.ForbiddenException;
import id.go.kerjasama.platform.web.NotFoundException;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Who may read and change the NGO register through {@code /api/ngos}: the
 * central roles, the TPOA seats and the ministries (Mitra Utama) read every
 * NGO; an NGO's staff read their own NGO and nothing of another (404, as if
 * it did not exist); provinces and regencies/cities read none. Fasker and
 * administrators register NGOs; an NGO's staff keep its obligations.
 */
@Component
class NgoAccess {

  private final IdentityService identityService;

  NgoAccess(@Lazy IdentityService identityService) {
    this.identityService = identityService;
  }

  List<String> groups() {
    Authentication user = identityService.getCurrentAuthentication();
    if (user == null) {
      throw new ForbiddenException("Permintaan tanpa pengguna yang terautentikasi");
    }
    return user.getGroupIds() == null ? List.of() : user.getGroupIds();
  }

  String userId() {
    return CurrentUser.id(identityService);
  }

  /** Reads the whole register: central roles, TPOA seats, ministries. */
  boolean readsAll(List<String> groups) {
    return groups.stream().anyMatch(g -> g.equals(Groups.FASKER) || g.equals(Groups.SUPERVISOR)
        || g.equals(Groups.ADMIN) || g.startsWith(Groups.TPOA_PREFIX) || g.startsWith(Groups.MINISTRY_PREFIX));
  }

  void checkList() {
    if (!readsAll(groups())) {
      throw new ForbiddenException("Daftar ormas asing hanya dapat dilihat oleh Fasker, pengawas, TPOA dan "
          + "kementerian/lembaga mitra");
    }
  }

  Ngo checkRead(Ngo ngo) {
    List<String> groups = groups();
    if (!readsAll(groups) && !groups.contains(ngo.groupId())) {
      throw new NotFoundException("Ormas asing " + ngo.id() + " tidak ditemukan");
    }
    return ngo;
  }

  void checkRegister() {
    if (groups().stream().noneMatch(g -> g.equals(Groups.FASKER) || g.equals(Groups.ADMIN))) {
      throw new ForbiddenException("Ormas asing didaftarkan oleh Fasker atau administrator");
    }
  }

  /** The NGO's own staff (and administrators) keep its obligations: foreign staff, funding, locations. */
  Ngo checkOwnStaff(Ngo ngo) {
    checkRead(ngo);
    List<String> groups = groups();
    if (!groups.contains(ngo.groupId()) && !groups.contains(Groups.ADMIN)) {
      throw new ForbiddenException("Data kewajiban " + ngo.name() + " diisi oleh staf ormas asing itu sendiri");
    }
    return ngo;
  }
}
