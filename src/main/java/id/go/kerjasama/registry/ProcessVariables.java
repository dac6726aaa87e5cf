package id.go.kerjasama.registry;

import id.go.kerjasama.platform.notification.NotifiedVariables;
import id.go.kerjasama.platform.tasklist.TasklistFilters;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * The process variables that every phase shares: their names (the only place
 * they are written down) and one accessor each. The lifecycle sets them when
 * it registers a proposal (or the legacy import when it starts an imported
 * agreement) and passes each phase it calls those the phase reads (the call
 * activity's {@code camunda:in} list, docs/architecture.md "Variables a phase
 * receives"); a phase adds only its own routing facts and its outcome
 * ({@code LifecycleProcess} and the phases' {@code …Process} classes).
 */
public final class ProcessVariables {

  /** Long: the agreement's id in the registry. */
  public static final String AGREEMENT_ID = "agreementId";
  /**
   * The agreement's registration number (also the business key), shown in
   * forms and mails; the name is the platform's, which reads it for the mails.
   */
  public static final String REGISTRATION_NUMBER = NotifiedVariables.REGISTRATION_NUMBER;
  /**
   * The cooperation's title as registered: shown on every Tasklist card (the
   * seeded filters' card variables), so that tasks of the same kind can be
   * told apart; the name is the platform's, which shows it.
   */
  public static final String COOPERATION_TITLE = TasklistFilters.COOPERATION_TITLE;
  /** The proposing unit's name (not its group id), shown on every Tasklist card beside the title. */
  public static final String PROPOSER_NAME = TasklistFilters.PROPOSER_NAME;
  /** The {@link CooperationType} name. */
  public static final String COOPERATION_TYPE = "cooperationType";
  /** Group of the proposing unit (ministry, province or regency/city). */
  public static final String PROPOSER_GROUP = "proposerGroup";
  /** Group of the proposer's province; null for a ministry. */
  public static final String PROVINCE_GROUP = "provinceGroup";
  /** Group of the partner ministry (Mitra Utama); set for foreign-NGO cooperation. */
  public static final String PARTNER_MINISTRY_GROUP = "partnerMinistryGroup";
  /** Level of the proposer: MINISTRY, PROVINCE or REGENCY. */
  public static final String PROPOSER_LEVEL = "proposerLevel";
  /**
   * Boolean: the (domestic) cooperation burdens the public/region or is not in
   * the current budget, so it needs DPRD approval (Home Affairs Reg. 22/2020).
   * Also the start form's field of that name.
   */
  public static final String BURDENS_PUBLIC_OR_OUTSIDE_BUDGET = "burdensPublicOrOutsideBudget";
  /** The partner region's group of a KSDD (region with region): a party with its own tasks; else null. */
  public static final String PARTNER_REGION_GROUP = "partnerRegionGroup";
  /** Integer: the term the running cycles belong to (1 = first signing, +1 per extension). */
  public static final String TERM = "term";
  /** Integer: the budget year of the running cycle (work plan, monitoring, evaluation). */
  public static final String CYCLE_YEAR = "cycleYear";
  /** ANNUAL, or END_OF_TERM for the last budget year of a term; passed to evaluation. */
  public static final String EVALUATION_KIND = "evaluationKind";

  private ProcessVariables() {
  }

  /** The agreement the process instance (or task) is about. */
  public static long agreementId(VariableScope scope) {
    return ((Number) scope.getVariable(AGREEMENT_ID)).longValue();
  }

  /** The proposing unit's group. */
  public static String proposerGroup(VariableScope scope) {
    return (String) scope.getVariable(PROPOSER_GROUP);
  }

  /** The proposer's province group; null for a ministry. */
  public static String provinceGroup(VariableScope scope) {
    return (String) scope.getVariable(PROVINCE_GROUP);
  }

  /** The partner ministry's group; null unless foreign-NGO cooperation. */
  public static String partnerMinistryGroup(VariableScope scope) {
    return (String) scope.getVariable(PARTNER_MINISTRY_GROUP);
  }

  /** The budget year of the running cycle. */
  public static int cycleYear(VariableScope scope) {
    return ((Number) scope.getVariable(CYCLE_YEAR)).intValue();
  }
}
