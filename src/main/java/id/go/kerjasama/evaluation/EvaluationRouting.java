package id.go.kerjasama.evaluation;

import id.go.kerjasama.platform.engine.TaskOutcome;
import id.go.kerjasama.registry.Agreement;
import id.go.kerjasama.registry.AgreementService;
import id.go.kerjasama.registry.ProcessVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Who evaluates in {@code evaluation} (assumption A37): the end-of-term
 * self-evaluation of a foreign NGO's cooperation is the NGO's own (its group),
 * and the Mitra Utama then assesses it ({@code UserTask_AssessNgoSelfEvaluation});
 * every other evaluation is the implementing region's or ministry's
 * ({@code proposerGroup}).
 */
@Component
public class EvaluationRouting {

  private final AgreementService agreementService;

  public EvaluationRouting(AgreementService agreementService) {
    this.agreementService = agreementService;
  }

  /** True for the end-of-term evaluation of a cooperation naming a foreign NGO. */
  public boolean ngoSelfEvaluates(DelegateExecution execution) {
    return ngoGroup(execution) != null;
  }

  /** The candidate group of UserTask_SelfEvaluate. */
  public String selfEvaluator(DelegateExecution execution) {
    String ngo = ngoGroup(execution);
    return ngo != null ? ngo : (String) execution.getVariable(ProcessVariables.PROPOSER_GROUP);
  }

  /**
   * End listener of UserTask_AssessNgoSelfEvaluation (after the decision and its notes were checked): the Mitra
   * Utama's assessment as read-only text for Fasker's form ({@value EvaluationProcess#MITRA_UTAMA_ASSESSMENT}),
   * built here from the checked decision, never taken from the request; removed with the rating.
   */
  public void recordMitraUtamaAssessment(DelegateExecution execution) {
    String decision = String.valueOf(execution.getVariable(TaskOutcome.DECISION));
    Object notes = execution.getVariable(TaskOutcome.NOTES);
    String verdict = "AGREED".equals(decision) ? "Sesuai dengan pelaksanaan" : "Tidak sesuai dengan pelaksanaan";
    execution.setVariable(EvaluationProcess.MITRA_UTAMA_ASSESSMENT,
        "**" + verdict + "**" + (notes == null ? "" : " — " + notes));
  }

  private String ngoGroup(DelegateExecution execution) {
    Object kind = execution.getVariable(ProcessVariables.EVALUATION_KIND);
    if (!EvaluationKind.END_OF_TERM.name().equals(kind == null ? null : kind.toString())) {
      return null;
    }
    Agreement agreement = agreementService.get(ProcessVariables.agreementId(execution));
    return agreement.ngoGroup();
  }
}
