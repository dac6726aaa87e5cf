package id.go.kerjasama.lifecycle;

import id.go.kerjasama.registry.AgreementService;
import id.go.kerjasama.registry.CooperationType;
import id.go.kerjasama.platform.identity.Groups;
import id.go.kerjasama.platform.security.MessageRights;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Who may send a termination message to an agreement's lifecycle instance:
 * Fasker for every agreement, the TPOA coordinator for the foreign-NGO
 * agreements (e.g. a revoked permit). The message may carry only the
 * termination reason. Nobody but an administrator holds UPDATE on instances
 * (it would also allow modifying them), so this rule is what lets the
 * correlation through (platform/security/EngineSecurityInterceptor).
 * Regions and ministries ask Fasker (docs/processes.md "Termination").
 */
@Component
class TerminationRights implements MessageRights {

  private static final Set<String> MESSAGES = Set.of(LifecycleProcess.MESSAGE_PERMIT_REVOKED,
      LifecycleProcess.MESSAGE_EARLY_TERMINATION);
  private static final Set<String> PAYLOAD = Set.of(LifecycleProcess.TERMINATION_REASON);

  private final AgreementService agreements;

  TerminationRights(AgreementService agreements) {
    this.agreements = agreements;
  }

  @Override
  public Optional<Set<String>> permittedPayload(String messageName, String businessKey, String userId,
                                                List<String> groupIds) {
    if (!MESSAGES.contains(messageName) || groupIds == null) {
      return Optional.empty();
    }
    if (groupIds.contains(Groups.FASKER)) {
      return Optional.of(PAYLOAD);
    }
    if (groupIds.contains(Groups.TPOA_COORDINATOR) && agreements.findByRegistrationNumber(businessKey)
        .filter(a -> a.type() == CooperationType.ORMAS_ASING).isPresent()) {
      return Optional.of(PAYLOAD);
    }
    return Optional.empty();
  }
}
