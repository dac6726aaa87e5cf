package id.go.kerjasama.evaluation;

/**
 * Names of the process {@code evaluation} (processes/evaluation.bpmn) and of
 * its decision table {@code evaluation-rating} (processes/evaluation-rating.dmn).
 */
final class EvaluationProcess {

  public static final String PROCESS_KEY = "evaluation";
  public static final String DECISION_KEY = "evaluation-rating";

  // variables the lifecycle passes in: registry.ProcessVariables (CYCLE_YEAR, EVALUATION_KIND, TERM)

  // variables inside the process (removed when the rating is recorded)
  /** Text (markdown) of the self-evaluation, shown in Fasker's form. */
  public static final String SELF_ASSESSMENT = "selfAssessment";
  /** The Mitra Utama's assessment of a foreign NGO's self-evaluation, for Fasker's form (set server-side). */
  public static final String MITRA_UTAMA_ASSESSMENT = "mitraUtamaAssessment";
  /** Inputs of the decision table: Fasker's scores and the indicators. */
  public static final String AVERAGE_SCORE = "averageScore";
  public static final String LOWEST_SCORE = "lowestScore";
  public static final String INDICATOR_ACHIEVEMENT = "indicatorAchievement";
  /** The decision table's single result: rating and recommendation. */
  public static final String RATING_RESULT = "ratingResult";
  public static final String OUTPUT_RATING = "rating";
  public static final String OUTPUT_RECOMMENDATION = "recommendation";

  // form fields (besides the criteria's score/justification fields, see Criterion)
  public static final String FIELD_INDICATORS = "indicators";
  public static final String FIELD_SUCCESS_STORIES = "successStories";
  public static final String FIELD_NOTES = "notes";

  // elements
  public static final String TASK_SELF_EVALUATE = "UserTask_SelfEvaluate";
  public static final String TASK_EVALUATE = "UserTask_EvaluateCooperation";
  /** End of term of a foreign NGO's cooperation: the Mitra Utama assesses the NGO's self-evaluation (A37). */
  public static final String TASK_ASSESS_NGO_SELF_EVALUATION = "UserTask_AssessNgoSelfEvaluation";
  public static final String TASK_RATE = "BusinessRuleTask_RateCooperation";
  public static final String TASK_RECORD_RATING = "ServiceTask_RecordRating";
  public static final String END_RECORDED = "EndEvent_EvaluationRecorded";

  private EvaluationProcess() {
  }
}
