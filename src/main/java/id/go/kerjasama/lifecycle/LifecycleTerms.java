package id.go.kerjasama.lifecycle;

import id.go.kerjasama.platform.time.BusinessClock;
import id.go.kerjasama.registry.Agreement;
import id.go.kerjasama.registry.AgreementService;
import id.go.kerjasama.registry.AgreementTerm;
import id.go.kerjasama.registry.AgreementTermRepository;
import id.go.kerjasama.registry.CooperationType;
import id.go.kerjasama.registry.PrinciplePermits;
import id.go.kerjasama.registry.ProcessVariables;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The terms of an agreement in the lifecycle diagram: after each signing
 * {@code ${lifecycleTerms.startTerm(execution)}} records the term the registry
 * now holds; the term's budget years feed the yearly cycle
 * ({@code SubProcess_BudgetYear}), and its renewal start and end date drive the
 * timers beside it.
 *
 * <p>Renewal starts {@code kerjasama.renewal.lead-months} (default 6) months
 * before the end date; for foreign-NGO cooperation never later than
 * {@code kerjasama.renewal.ormas-asing-min-lead-months} (default 3) months
 * before the MSP's end or the expiry of the principle permit in force
 * ({@code PrinciplePermits}, which central approval records), and never before the term starts.
 */
@Component
public class LifecycleTerms {

  private final AgreementService agreementService;
  private final AgreementTermRepository terms;
  private final PrinciplePermits principlePermits;
  private final int leadMonths;
  private final int ormasAsingMinLeadMonths;

  @Autowired
  public LifecycleTerms(AgreementService agreementService, AgreementTermRepository terms,
                        PrinciplePermits principlePermits,
                        @Value("${kerjasama.renewal.lead-months:6}") int leadMonths,
                        @Value("${kerjasama.renewal.ormas-asing-min-lead-months:3}") int ormasAsingMinLeadMonths) {
    if (leadMonths < 0 || ormasAsingMinLeadMonths < 0) {
      throw new IllegalArgumentException("kerjasama.renewal.*lead-months must not be negative");
    }
    this.agreementService = agreementService;
    this.terms = terms;
    this.principlePermits = principlePermits;
    this.leadMonths = leadMonths;
    this.ormasAsingMinLeadMonths = ormasAsingMinLeadMonths;
  }

  /** Records the term just signed and hands its number to the process ({@code term}). */
  public AgreementTerm startTerm(DelegateExecution execution) {
    long id = agreementId(execution);
    Agreement agreement = agreementService.get(id);
    if (agreement.startDate() == null || agreement.endDate() == null) {
      throw new IllegalStateException("Agreement " + agreement.registrationNumber() + " has no signed term");
    }
    int firstYear = agreement.startDate().getYear();
    Optional<AgreementTerm> previous = terms.find(id, agreement.term() - 1);
    if (previous.isPresent()) {
      // budget years run once: an extension continues after the last year the previous term ran
      firstYear = Math.max(firstYear, previous.get().lastCycleYear() + 1);
    }
    Optional<LocalDate> permitExpiry = agreement.type() == CooperationType.ORMAS_ASING
        ? principlePermits.validUntil(id)
        : Optional.empty();
    AgreementTerm term = new AgreementTerm(id, agreement.term(), agreement.startDate(), agreement.endDate(),
        firstYear, agreement.endDate().getYear(),
        renewalStartsOn(agreement.type(), agreement.startDate(), agreement.endDate(), permitExpiry),
        BusinessClock.now());
    terms.save(term);
    execution.setVariable(ProcessVariables.TERM, term.term());
    return term;
  }

  /**
   * Records the running term of an agreement imported while in force
   * (legacyimport.LegacyImportService, which then starts the lifecycle before
   * {@code SubProcess_Term}): its yearly cycles run from {@code firstCycleYear}
   * (the year of the import), not through budget years that passed before it;
   * its renewal starts as for any term.
   */
  public AgreementTerm recordImportedTerm(long agreementId, int firstCycleYear) {
    Agreement agreement = agreementService.get(agreementId);
    Optional<LocalDate> permitExpiry = agreement.type() == CooperationType.ORMAS_ASING
        ? principlePermits.validUntil(agreementId)
        : Optional.empty();
    AgreementTerm term = new AgreementTerm(agreementId, agreement.term(), agreement.startDate(), agreement.endDate(),
        Math.max(agreement.startDate().getYear(), firstCycleYear), agreement.endDate().getYear(),
        renewalStartsOn(agreement.type(), agreement.startDate(), agreement.endDate(), permitExpiry),
        BusinessClock.now());
    terms.save(term);
    return term;
  }

  /** The collection of {@code SubProcess_BudgetYear}: the running term's budget years. */
  public List<Integer> budgetYears(DelegateExecution execution) {
    return current(execution).budgetYears();
  }

  /** Due date of {@code TimerEvent_RenewalDue}: the start (00:00 WIB) of the renewal day. */
  public Date renewalStart(DelegateExecution execution) {
    return startOf(current(execution).renewalStartsOn());
  }

  /** Due date of {@code TimerEvent_AgreementEnds}: the start (00:00 WIB) of the term's end date. */
  public Date endDate(DelegateExecution execution) {
    return startOf(current(execution).endDate());
  }

  /** The day renewal starts: see the class comment. */
  LocalDate renewalStartsOn(CooperationType type, LocalDate start, LocalDate end, Optional<LocalDate> permitExpiry) {
    LocalDate day = end.minusMonths(leadMonths);
    if (type == CooperationType.ORMAS_ASING) {
      LocalDate mspBound = end.minusMonths(ormasAsingMinLeadMonths);
      if (mspBound.isBefore(day)) {
        day = mspBound;
      }
      if (permitExpiry.isPresent() && permitExpiry.get().minusMonths(ormasAsingMinLeadMonths).isBefore(day)) {
        day = permitExpiry.get().minusMonths(ormasAsingMinLeadMonths);
      }
    }
    return day.isBefore(start) ? start : day;
  }

  private AgreementTerm current(DelegateExecution execution) {
    long id = agreementId(execution);
    Object term = execution.getVariable(ProcessVariables.TERM);
    int number = term instanceof Number n ? n.intValue() : agreementService.get(id).term();
    return terms.find(id, number)
        .orElseThrow(() -> new IllegalStateException("No term " + number + " recorded for agreement " + id));
  }

  static Date startOf(LocalDate day) {
    return Date.from(day.atStartOfDay(BusinessClock.ZONE).toInstant());
  }

  private static long agreementId(DelegateExecution execution) {
    return ProcessVariables.agreementId(execution);
  }
}
