package id.go.kerjasama.registry;

import id.go.kerjasama.platform.identity.Organisations;
import id.go.kerjasama.platform.identity.Unit;
import id.go.kerjasama.platform.security.SystemAccess;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Gives the task cards of cooperations started before the card variables
 * existed their registration number, title and proposer: every running
 * instance that carries an {@code agreementId} (the lifecycle and each phase
 * it called) but lacks one of the three gets it from the registry. Run at
 * every start ({@code operations/StartupSetup}); idempotent (an instance that
 * has all three is left alone, a value already there is never overwritten;
 * once a start has found nothing left it is not run again, {@link #runOnce()}),
 * in batches of {@link #BATCH} instances, each instance in a transaction of
 * its own, so a failure leaves the others done and is tried again at the
 * next start.
 */
@Component
public class CardVariablesBackfill {

  static final int BATCH = 500;
  static final String DONE_PROPERTY = "kerjasama.card-variables-backfill";
  private static final Logger LOG = LoggerFactory.getLogger(CardVariablesBackfill.class);
  private static final List<String> CARD = List.of(ProcessVariables.REGISTRATION_NUMBER,
      ProcessVariables.COOPERATION_TITLE, ProcessVariables.PROPOSER_NAME);

  private final RuntimeService runtimeService;
  private final IdentityService identityService;
  private final AgreementService agreementService;
  private final Organisations organisations;
  private final ManagementService managementService;
  private int failures;

  public CardVariablesBackfill(@Lazy RuntimeService runtimeService, @Lazy IdentityService identityService,
                               AgreementService agreementService, Organisations organisations,
                               @Lazy ManagementService managementService) {
    this.managementService = managementService;
    this.runtimeService = runtimeService;
    this.identityService = identityService;
    this.agreementService = agreementService;
    this.organisations = organisations;
  }

  /**
   * At start-up: {@link #run()} until one run has gone through every instance
   * without a failure, then never again (remembered in the engine's property
   * table, {@value #DONE_PROPERTY}): paging through every running instance at
   * every start would cost minutes at national scale, and every instance
   * started since has the variables from its registration.
   */
  public void runOnce() {
    SystemAccess.run(identityService, () -> {
      if (managementService.getProperties().containsKey(DONE_PROPERTY)) {
        return;
      }
      failures = 0;
      fill();
      if (failures == 0) {
        managementService.setProperty(DONE_PROPERTY, "1");
      }
    });
  }

  /** Fills what is missing; returns how many instances were given variables. */
  public int run() {
    return SystemAccess.call(identityService, this::fill);
  }

  private int fill() {
    int updated = 0;
    int first = 0;
    while (true) {
      // every running instance, in a stable order (by id); those without an agreement are skipped
      List<String> instances = runtimeService.createProcessInstanceQuery().orderByProcessInstanceId().asc()
          .listPage(first, BATCH).stream().map(ProcessInstance::getId).toList();
      if (instances.isEmpty()) {
        break;
      }
      first += instances.size();
      List<String> names = new ArrayList<>(CARD);
      names.add(ProcessVariables.AGREEMENT_ID);
      Map<String, Long> agreementOf = new LinkedHashMap<>();
      Map<String, Set<String>> present = new LinkedHashMap<>();
      for (VariableInstance v : runtimeService.createVariableInstanceQuery()
          .processInstanceIdIn(instances.toArray(String[]::new)).variableNameIn(names.toArray(String[]::new))
          .list()) {
        // the instance's own variables, not copies local to a task or a sub-scope
        if (!v.getProcessInstanceId().equals(v.getExecutionId()) || v.getValue() == null) {
          continue;
        }
        if (v.getName().equals(ProcessVariables.AGREEMENT_ID)) {
          if (v.getValue() instanceof Number id) {
            agreementOf.put(v.getProcessInstanceId(), id.longValue());
          }
        } else {
          present.computeIfAbsent(v.getProcessInstanceId(), k -> new HashSet<>()).add(v.getName());
        }
      }
      for (Map.Entry<String, Long> instance : agreementOf.entrySet()) {
        Set<String> has = present.getOrDefault(instance.getKey(), Set.of());
        if (has.containsAll(CARD)) {
          continue;
        }
        try {
          Map<String, Object> missing = missing(instance.getValue(), has);
          if (!missing.isEmpty()) {
            runtimeService.setVariables(instance.getKey(), missing);
            updated++;
          }
        } catch (RuntimeException e) {
          failures++;
          LOG.warn("Card variables of process instance {} (agreement {}) not set, tried again at the next start: {}",
              instance.getKey(), instance.getValue(), e.getMessage());
        }
      }
    }
    if (updated > 0) {
      LOG.info("Task cards: registration number, title and proposer set on {} running process instances", updated);
    }
    return updated;
  }

  private Map<String, Object> missing(long agreementId, Set<String> has) {
    Agreement agreement = agreementService.get(agreementId);
    Map<String, Object> values = new LinkedHashMap<>();
    if (!has.contains(ProcessVariables.REGISTRATION_NUMBER) && agreement.registrationNumber() != null) {
      values.put(ProcessVariables.REGISTRATION_NUMBER, agreement.registrationNumber());
    }
    if (!has.contains(ProcessVariables.COOPERATION_TITLE) && agreement.title() != null) {
      values.put(ProcessVariables.COOPERATION_TITLE, agreement.title());
    }
    if (!has.contains(ProcessVariables.PROPOSER_NAME) && agreement.proposerUnit() != null) {
      values.put(ProcessVariables.PROPOSER_NAME, nameOf(agreement.proposerUnit()));
    }
    return values;
  }

  /** The unit's name as the registration gives it (the reference data), else its group's name. */
  private String nameOf(String group) {
    return organisations.find(group).map(Unit::name).orElseGet(() -> {
      Group found = identityService.createGroupQuery().groupId(group).singleResult();
      return found != null && found.getName() != null ? found.getName() : group;
    });
  }
}
