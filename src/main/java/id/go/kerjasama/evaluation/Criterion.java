package id.go.kerjasama.evaluation;

/**
 * The evaluation instrument's seven criteria (domain.md, [002 #5]); each is
 * scored 1-5 with a justification. The form fields are
 * {@code score<Field>} and {@code justification<Field>}.
 */
public enum Criterion {
  PROCEDURE_ETHICS("ProcedureEthics", "Kesesuaian prosedur standar dan prinsip etik"),
  TRANSPARENCY_ACCOUNTABILITY("TransparencyAccountability", "Transparansi dan akuntabilitas proses"),
  PARTICIPATION_INCLUSIVENESS("ParticipationInclusiveness", "Partisipasi dan inklusivitas pemangku kepentingan"),
  RELEVANCE("Relevance", "Relevansi inisiatif dengan kebutuhan"),
  GOVERNANCE_OBJECTIVES("GovernanceObjectives", "Perencanaan tata kelola dan kejelasan tujuan"),
  OUTPUT_OUTCOME_QUALITY("OutputOutcomeQuality", "Kualitas keluaran dan keluasan hasil"),
  SUSTAINABILITY("Sustainability", "Daya tahan dan prospek keberlanjutan");

  private final String field;
  private final String label;

  Criterion(String field, String label) {
    this.field = field;
    this.label = label;
  }

  public String label() {
    return label;
  }

  public String scoreField() {
    return "score" + field;
  }

  public String justificationField() {
    return "justification" + field;
  }
}
