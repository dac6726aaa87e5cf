package id.go.kerjasama.ngo;

import static id.go.kerjasama.ngo.NgoPermitProcess.NO_OBJECTION;
import static id.go.kerjasama.ngo.NgoPermitProcess.TPOA_ROUND;
import static id.go.kerjasama.ngo.NgoPermitProcess.TPOA_ROUND_OUTCOME;
import static id.go.kerjasama.ngo.NgoPermitProcess.TPOA_SEAT;

import id.go.kerjasama.platform.engine.TaskEndListener;
import id.go.kerjasama.platform.engine.TaskOutcome;
import id.go.kerjasama.platform.identity.CurrentUser;
import id.go.kerjasama.platform.identity.Groups;
import id.go.kerjasama.platform.identity.Organisations;
import id.go.kerjasama.platform.identity.UnitLevel;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * The TPOA round of the NGO route, the same mechanism as central approval's:
 * every seat of the reference data recommends in parallel (one task per
 * seat, {@code tpoa-<seat>}); the first objection or return ends the round
 * (an objection only while {@code kerjasama.ngo.tpoa-single-objection-blocks}, assumption A11).
 * Also the end listener of each seat's task ({@code ${ngoTpoaRound}}).
 */
@Component
public class NgoTpoaRound extends TaskEndListener {

  private final Organisations organisations;
  private final NgoRegistry registry;
  private final IdentityService identityService;
  private final NgoProperties properties;

  NgoTpoaRound(Organisations organisations, NgoRegistry registry, @Lazy IdentityService identityService,
               NgoProperties properties) {
    this.properties = properties;
    this.organisations = organisations;
    this.registry = registry;
    this.identityService = identityService;
  }

  /** The seat codes (the multi-instance collection). */
  public List<String> seats() {
    return organisations.byLevel(UnitLevel.TPOA).stream()
        .map(unit -> unit.group().substring(Groups.TPOA_PREFIX.length())).toList();
  }

  public void openRound(DelegateExecution execution) {
    Object previous = execution.getVariable(TPOA_ROUND);
    execution.setVariable(TPOA_ROUND, previous instanceof Number n ? n.intValue() + 1 : 1);
    execution.setVariable(TPOA_ROUND_OUTCOME, NO_OBJECTION);
  }

  @Override
  protected void completed(DelegateExecution execution) {
    String code = TaskOutcome.decision(execution);
    boolean ends = !NO_OBJECTION.equals(code) && (properties.tpoaSingleObjectionBlocks() || !"OBJECTION".equals(code));
    if (ends && NO_OBJECTION.equals(execution.getVariable(TPOA_ROUND_OUTCOME))) {
      execution.setVariable(TPOA_ROUND_OUTCOME, code);
    }
    // the seat's recommendation itself is in the NGO's audit trail (NgoTaskAudit), with the seat named here
    long ngoId = ((Number) execution.getVariable(NgoPermitProcess.NGO_ID)).longValue();
    registry.recordEvent(ngoId, CurrentUser.id(identityService), "TpoaSeat_" + execution.getVariable(TPOA_SEAT),
        "Rekomendasi " + Groups.tpoa((String) execution.getVariable(TPOA_SEAT)) + ", putaran "
            + execution.getVariable(TPOA_ROUND), code, null);
  }
}
