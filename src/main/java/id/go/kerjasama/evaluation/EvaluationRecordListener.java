package id.go.kerjasama.evaluation;

import id.go.kerjasama.platform.engine.FormerlyNamed;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.go.kerjasama.platform.forms.FormLimits;
import id.go.kerjasama.platform.forms.FormValues;
import id.go.kerjasama.platform.forms.ValidatingTaskEndListener;
import id.go.kerjasama.platform.identity.CurrentUser;
import id.go.kerjasama.registry.AgreementService;
import id.go.kerjasama.registry.ProcessVariables;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * End listener of both evaluation tasks: checks the instrument (a bad value
 * keeps the task open with every problem named), stores it in the registry
 * and takes the form's values out of the process variables. After the
 * self-evaluation it leaves a summary for Fasker's form; after Fasker's, the
 * three inputs of the rating table.
 */
@Component
@FormerlyNamed("evaluationRecord")
class EvaluationRecordListener extends ValidatingTaskEndListener {

  private final EvaluationService evaluations;
  private final AgreementService agreements;
  private final IdentityService identityService;
  private final ObjectMapper json;

  public EvaluationRecordListener(EvaluationService evaluations, AgreementService agreements,
                                  @Lazy IdentityService identityService, ObjectMapper json, FormLimits formLimits) {
    super(formLimits);
    this.evaluations = evaluations;
    this.agreements = agreements;
    this.identityService = identityService;
    this.json = json;
  }

  @Override
  protected void completed(DelegateExecution execution, FormValues form) {
    boolean self = EvaluationProcess.TASK_SELF_EVALUATE.equals(execution.getCurrentActivityId());
    Assessment assessment = EvaluationForm.read(form, self, json);
    long agreementId = ProcessVariables.agreementId(execution);
    int year = ProcessVariables.cycleYear(execution);
    Object termVariable = execution.getVariable(ProcessVariables.TERM);
    int term = termVariable instanceof Number n ? n.intValue() : agreements.get(agreementId).term();
    Object kindVariable = execution.getVariable(ProcessVariables.EVALUATION_KIND);
    EvaluationKind kind = kindVariable == null ? EvaluationKind.ANNUAL : EvaluationKind.valueOf(kindVariable.toString());
    String by = CurrentUser.id(identityService);

    if (self) {
      evaluations.recordSelfEvaluation(agreementId, year, term, kind, assessment, by);
      execution.setVariable(EvaluationProcess.SELF_ASSESSMENT, summary(assessment));
    } else {
      EvaluationService.RatingInputs inputs = evaluations.recordFaskerEvaluation(agreementId, year, term, kind,
          assessment, by);
      execution.setVariable(EvaluationProcess.AVERAGE_SCORE, inputs.averageScore().doubleValue());
      execution.setVariable(EvaluationProcess.LOWEST_SCORE, inputs.lowestScore());
      execution.setVariable(EvaluationProcess.INDICATOR_ACHIEVEMENT, inputs.indicatorAchievement());
    }
    for (String field : EvaluationForm.fields()) {
      execution.removeVariable(field);
    }
  }

  /** The self-evaluation in a few lines of markdown, for Fasker's form. */
  static String summary(Assessment a) {
    StringBuilder s = new StringBuilder("Rata-rata evaluasi mandiri: ").append(a.averageScore())
        .append("; capaian indikator: ").append(Assessment.achievement(a.indicators())).append("%\n\n");
    a.scores().forEach((c, score) -> s.append("- ").append(c.label()).append(": **").append(score.score())
        .append("** — ").append(score.justification()).append('\n'));
    for (Assessment.Indicator i : a.indicators()) {
      s.append("- Indikator ").append(i.name()).append(": ").append(i.achieved().stripTrailingZeros().toPlainString())
          .append(" dari ").append(i.target().stripTrailingZeros().toPlainString())
          .append(i.unit() == null ? "" : " " + i.unit()).append('\n');
    }
    return s.toString();
  }
}
