package id.go.kerjasama.ngo;

import id.go.kerjasama.platform.security.ProtectedVariables;
import java.util.Set;
import org.springframework.stereotype.Component;

/** The NGO processes' identity and routing variables: set by the application only, never by a user. */
@Component
class NgoVariables implements ProtectedVariables {

  private static final Set<String> NAMES = Set.of(NgoPermitProcess.NGO_ID, NgoPermitProcess.NGO_GROUP,
      NgoPermitProcess.PERMIT_REQUEST, NgoPermitProcess.SANCTION_ID, NgoPermitProcess.SANCTION_KIND, NgoPermitProcess.PERMIT_ID,
      NgoPermitProcess.AGREEMENT_ID, NgoPermitProcess.ISSUER_GROUP);

  @Override
  public Set<String> names() {
    return NAMES;
  }
}
