package id.go.kerjasama.ngo;

import id.go.kerjasama.platform.security.SystemAccess;
import id.go.kerjasama.platform.time.BusinessClock;
import id.go.kerjasama.registry.Agreement;
import id.go.kerjasama.registry.AgreementService;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The permits an NGO holds. The principle permit belongs to the NGO (one in
 * force at a time, reused by every cooperation of the NGO while in force);
 * an operational permit is recorded per cooperation when its MSP is signed
 * and never outlives the principle permit. Central approval, signing and the
 * lifecycle ask here.
 */
@Service
@Transactional
public class NgoPermits {

  private final NgoRepository repository;
  private final NgoRegistry registry;
  private final NgoProperties properties;

  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

  private final AgreementService agreements;
  private final RuntimeService runtimeService;
  private final IdentityService identityService;

  NgoPermits(NgoRepository repository, NgoRegistry registry, NgoProperties properties, AgreementService agreements,
             @Lazy RuntimeService runtimeService, @Lazy IdentityService identityService) {
    this.agreements = agreements;
    this.runtimeService = runtimeService;
    this.identityService = identityService;
    this.repository = repository;
    this.registry = registry;
    this.properties = properties;
  }

  @Transactional(readOnly = true)
  public List<NgoPermit> permits(long ngoId) {
    return repository.permits(ngoId);
  }

  /** The NGO's principle permit in force on {@code day}: active, issued and not expired. */
  @Transactional(readOnly = true)
  public Optional<NgoPermit> principlePermitInForce(String ngoGroup, LocalDate day) {
    return registry.findByGroup(ngoGroup).flatMap(ngo -> repository.permits(ngo.id()).stream()
        .filter(p -> NgoPermit.PRINCIPLE.equals(p.kind()) && p.inForceOn(day))
        .max(Comparator.comparing(NgoPermit::validUntil)));
  }

  /** The NGO's latest principle permit whatever its state (the one a renewal extends). */
  @Transactional(readOnly = true)
  public Optional<NgoPermit> latestPrinciplePermit(long ngoId) {
    return repository.permits(ngoId).stream().filter(p -> NgoPermit.PRINCIPLE.equals(p.kind()))
        .max(Comparator.comparing(NgoPermit::validUntil));
  }

  /** Whether a cooperation of an NGO with a principle permit in force skips the TPOA round (assumption A14). */
  public boolean reusesPermitInForce() {
    return properties.reusePrinciplePermit();
  }

  /** Whether one TPOA seat's objection refuses the principle permit at once (assumption A11). */
  public boolean singleObjectionBlocks() {
    return properties.tpoaSingleObjectionBlocks();
  }

  /**
   * Who checks a foreign-NGO cooperation's file in central approval: {@code kerjasama.ngo.cooperation-file-check-group},
   * or when it is empty the Mitra Utama ({@code partnerMinistryGroup}) (assumption A12).
   */
  public String cooperationFileCheckGroup(String partnerMinistryGroup) {
    String configured = properties.cooperationFileCheckGroup();
    return configured == null || configured.isBlank() ? partnerMinistryGroup : configured.strip();
  }

  /** The longest a principle permit decided on {@code day} may run. */
  public LocalDate latestValidUntil(LocalDate day) {
    return day.plusYears(properties.maxValidityYears());
  }

  /** The last day a renewal of a permit valid until {@code validUntil} may be requested. */
  public LocalDate renewalDeadline(LocalDate validUntil) {
    return validUntil.minusMonths(properties.renewalLeadMonths());
  }

  /** Records a principle permit granted to the NGO (central approval's or the NGO route's TPOA round). */
  public NgoPermit grantPrinciplePermit(String ngoGroup, Long agreementId, LocalDate decidedOn, LocalDate validUntil,
                                        String decidedBy, String notes) {
    Ngo ngo = registry.findByGroup(ngoGroup).orElseThrow(() -> new IllegalStateException("No NGO " + ngoGroup));
    long id = repository.insertPermit(ngo.id(), NgoPermit.PRINCIPLE, agreementId, decidedOn, validUntil, decidedBy,
        notes);
    if (ngo.status() == NgoStatus.REGISTERED) {
      registry.changeStatus(ngo.id(), NgoStatus.LICENSED);
    }
    registry.recordEvent(ngo.id(), decidedBy, "Permit_PrincipleGranted", "Izin prinsip diberikan", "GRANTED",
        "Izin prinsip berlaku sampai " + validUntil + (agreementId == null ? "" : " (kerja sama " + agreementId + ")"));
    return repository.permits(ngo.id()).stream().filter(p -> p.id() == id).findFirst().orElseThrow();
  }

  /** Extends the NGO's principle permit (a granted renewal): later signings check the new end. */
  public void extendPrinciplePermit(long ngoId, LocalDate validUntil, String decidedBy, String notes) {
    NgoPermit permit = latestPrinciplePermit(ngoId).orElseThrow(() -> new IllegalStateException("No permit"));
    repository.extendPermit(permit.id(), validUntil);
    registry.recordEvent(ngoId, decidedBy, "Permit_Renewed", "Izin prinsip diperpanjang", "GRANTED",
        "Izin prinsip diperpanjang dari " + permit.validUntil() + " sampai " + validUntil
            + (notes == null ? "" : ": " + notes));
  }

  /**
   * Why an MSP of this NGO from {@code start} to {@code end} can get no
   * operational permit: no principle permit in force (never granted, expired,
   * suspended, revoked). Empty: it can (signing checks that the MSP ends
   * within the permit).
   */
  @Transactional(readOnly = true)
  public List<String> operationalPermitProblems(String ngoGroup) {
    List<String> problems = new ArrayList<>();
    Optional<Ngo> ngo = registry.findByGroup(ngoGroup);
    if (ngo.isEmpty()) {
      return problems;
    }
    LocalDate today = BusinessClock.today();
    Optional<NgoPermit> inForce = principlePermitInForce(ngoGroup, today);
    if (inForce.isEmpty()) {
      String why = switch (ngo.get().status()) {
        case SUSPENDED -> "izin prinsip " + ngo.get().name() + " sedang dibekukan sementara";
        case REVOKED -> "izin prinsip " + ngo.get().name() + " telah dicabut";
        default -> ngo.get().name() + " tidak memiliki izin prinsip yang berlaku pada " + today;
      };
      problems.add("Izin operasional tidak dapat diberikan: " + why);
    }
    return problems;
  }

  /**
   * The operational permit of a cooperation whose MSP was just signed: never
   * beyond the principle permit. It is recorded as REQUESTED and decided by its
   * issuer in {@value NgoPermitProcess#OPERATIONAL_PROCESS_KEY} (assumption
   * A38); the name stays because approval/ calls it when the MSP is signed.
   */
  public void grantOperationalPermit(String ngoGroup, long agreementId, LocalDate signedOn, LocalDate end,
                                     String by) {
    Ngo ngo = registry.findByGroup(ngoGroup).orElseThrow(() -> new IllegalStateException("No NGO " + ngoGroup));
    NgoPermit principle = principlePermitInForce(ngoGroup, BusinessClock.today())
        .orElseThrow(() -> new IllegalStateException("No principle permit in force for " + ngoGroup));
    LocalDate until = end.isAfter(principle.validUntil()) ? principle.validUntil() : end;
    LocalDate from = signedOn.isBefore(until) ? signedOn : until.minusDays(1);
    long permitId = repository.insertPermit(ngo.id(), NgoPermit.OPERATIONAL, NgoPermit.REQUESTED, agreementId, from,
        until, by, "MSP ditandatangani " + signedOn);
    registry.recordEvent(ngo.id(), by, "Permit_OperationalRequested", "Izin operasional dimohonkan", "REQUESTED",
        "Kerja sama " + agreementId + ": izin operasional sampai " + until + " menunggu keputusan");
    Agreement agreement = agreements.get(agreementId);
    String issuer = properties.operationalPermitIssuerGroup() == null
        || properties.operationalPermitIssuerGroup().isBlank()
        ? agreement.partnerMinistry() : properties.operationalPermitIssuerGroup();
    if (issuer == null || issuer.isBlank()) {
      throw new IllegalStateException("No operational permit issuer for agreement " + agreementId);
    }
    Map<String, Object> variables = new HashMap<>();
    variables.put(NgoPermitProcess.NGO_ID, ngo.id());
    variables.put(NgoPermitProcess.NGO_GROUP, ngoGroup);
    variables.put(NgoPermitProcess.AGREEMENT_ID, agreementId);
    variables.put(NgoPermitProcess.PERMIT_ID, permitId);
    variables.put(NgoPermitProcess.ISSUER_GROUP, issuer);
    variables.put("ngoName", ngo.name());
    variables.put("validUntilText", DATE.format(until));
    SystemAccess.call(identityService, () -> runtimeService.startProcessInstanceByKey(
        NgoPermitProcess.OPERATIONAL_PROCESS_KEY, agreement.registrationNumber(), variables));
  }

  /** Operational permits of an NGO that wait for their decision. */
  @Transactional(readOnly = true)
  public List<NgoPermit> requestedOperationalPermits(long ngoId) {
    return repository.permits(ngoId).stream()
        .filter(p -> NgoPermit.OPERATIONAL.equals(p.kind()) && NgoPermit.REQUESTED.equals(p.state())).toList();
  }

  /** Whether the agreement's operational permit was requested and waits for its decision (the lifecycle waits). */
  @Transactional(readOnly = true)
  public boolean awaitsOperationalDecision(long agreementId) {
    return !openOperationalRequests(agreementId).isEmpty();
  }

  private List<NgoPermit> openOperationalRequests(long agreementId) {
    String ngoGroup = agreements.get(agreementId).ngoGroup();
    if (ngoGroup == null) {
      return List.of();
    }
    return registry.findByGroup(ngoGroup).map(ngo -> requestedOperationalPermits(ngo.id()).stream()
        .filter(p -> Long.valueOf(agreementId).equals(p.agreementId())).toList()).orElse(List.of());
  }

  /**
   * The cooperation ended (terminated, revoked, expired) while its operational
   * permit still awaited the decision: the request is WITHDRAWN, its decision
   * process ends, and the NGO's history says why (assumption A35). A later
   * decision finds nothing to grant.
   */
  public int withdrawOperationalRequests(long agreementId, String reason) {
    List<NgoPermit> open = openOperationalRequests(agreementId);
    if (open.isEmpty()) {
      return 0;
    }
    Agreement agreement = agreements.get(agreementId);
    for (NgoPermit permit : open) {
      if (!repository.decidePermit(permit.id(), NgoPermit.REQUESTED, NgoPermit.WITHDRAWN, permit.issuedBy())) {
        continue;
      }
      registry.recordEvent(permit.ngoId(), null, "Permit_OperationalWithdrawn", "Permohonan izin operasional ditutup",
          NgoPermit.WITHDRAWN, agreement.registrationNumber() + ": kerja sama berakhir sebelum keputusan (" + reason + ")");
      SystemAccess.call(identityService, () -> {
        runtimeService.createProcessInstanceQuery().processDefinitionKey(NgoPermitProcess.OPERATIONAL_PROCESS_KEY)
            .processInstanceBusinessKey(agreement.registrationNumber())
            .variableValueEquals(NgoPermitProcess.PERMIT_ID, permit.id()).list()
            .forEach(pi -> runtimeService.deleteProcessInstance(pi.getId(),
                "Kerja sama berakhir sebelum keputusan izin operasional"));
        return null;
      });
    }
    return open.size();
  }

  /** The issuer's decision (ngo-operational-permit): REQUESTED becomes ACTIVE or REFUSED, once. */
  boolean decideOperationalPermit(long permitId, boolean granted, String by) {
    return repository.decidePermit(permitId, NgoPermit.REQUESTED, granted ? NgoPermit.ACTIVE : NgoPermit.REFUSED, by);
  }

  void changeState(long ngoId, String from, String to) {
    repository.setPermitState(ngoId, from, to);
  }
}
