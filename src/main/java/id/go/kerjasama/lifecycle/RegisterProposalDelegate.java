package id.go.kerjasama.lifecycle;

import id.go.kerjasama.platform.engine.FormerlyNamed;
import id.go.kerjasama.platform.forms.FormLimits;
import id.go.kerjasama.platform.identity.Organisations;
import id.go.kerjasama.platform.identity.Unit;
import id.go.kerjasama.platform.time.BusinessClock;
import id.go.kerjasama.registry.Agreement;
import id.go.kerjasama.registry.AgreementService;
import id.go.kerjasama.registry.AgreementVisibility;
import id.go.kerjasama.registry.NewProposal;
import id.go.kerjasama.registry.Phase;
import id.go.kerjasama.registry.ProcessVariables;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * Registers the submitted proposal in the registry, makes its registration
 * number the business key, and replaces the form's values by the agreement id
 * and the routing facts. A bad proposal is refused with every problem named;
 * the start rolls back and nothing is written.
 */
@Component
@FormerlyNamed("registerProposal")
class RegisterProposalDelegate implements JavaDelegate {

  private final ProposalForm proposalForm;
  private final AgreementService agreementService;
  private final AgreementVisibility visibility;
  private final IdentityService identityService;
  private final Organisations organisations;
  private final FormLimits formLimits;

  public RegisterProposalDelegate(ProposalForm proposalForm, AgreementService agreementService,
                                  AgreementVisibility visibility, IdentityService identityService,
                                  Organisations organisations, FormLimits formLimits) {
    this.proposalForm = proposalForm;
    this.agreementService = agreementService;
    this.visibility = visibility;
    this.identityService = identityService;
    this.organisations = organisations;
    this.formLimits = formLimits;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Authentication user = identityService.getCurrentAuthentication();
    Map<String, Object> submitted = new HashMap<>(execution.getVariables());
    NewProposal proposal = proposalForm.read(submitted, formLimits.ofStartForm(execution), user == null ? null : user.getGroupIds(),
        BusinessClock.today());

    Agreement agreement = agreementService.register(proposal, user == null ? null : user.getUserId(),
        execution.getProcessInstanceId());
    agreementService.enterPhase(agreement.id(), Phase.PROPOSAL);
    execution.setProcessBusinessKey(agreement.registrationNumber());

    for (String field : LifecycleProcess.FORM_FIELDS) {
      execution.removeVariable(field);
    }
    execution.setVariable(ProcessVariables.AGREEMENT_ID, agreement.id());
    execution.setVariable(ProcessVariables.REGISTRATION_NUMBER, agreement.registrationNumber());
    execution.setVariable(ProcessVariables.COOPERATION_TYPE, agreement.type().name());
    execution.setVariable(ProcessVariables.PROPOSER_GROUP, agreement.proposerUnit());
    Unit proposer = organisations.find(agreement.proposerUnit()).orElseThrow();
    execution.setVariable(ProcessVariables.PROPOSER_LEVEL, proposer.level().name());
    execution.setVariable(ProcessVariables.COOPERATION_TITLE, agreement.title());
    execution.setVariable(ProcessVariables.PROPOSER_NAME, proposer.name());
    execution.setVariable(ProcessVariables.PROVINCE_GROUP, agreement.proposerProvince());
    execution.setVariable(ProcessVariables.PARTNER_MINISTRY_GROUP, agreement.partnerMinistry());
    execution.setVariable(ProcessVariables.BURDENS_PUBLIC_OR_OUTSIDE_BUDGET, agreement.burdensPublicOrOutsideBudget());
    execution.setVariable(ProcessVariables.PARTNER_REGION_GROUP, agreement.partnerRegion());
    visibility.grant(agreement, execution.getProcessInstanceId());
  }
}
