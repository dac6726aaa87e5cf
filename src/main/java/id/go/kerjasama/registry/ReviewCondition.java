package id.go.kerjasama.registry;

/**
 * A condition a reviewer checks before approving a region's cooperation
 * (GR 28/2018, Home Affairs Reg. 22/2020 and 25/2020; docs/processes.md
 * "Dossier and checklist"). A task lists the ones it asks for in its
 * extension property {@code checklist}; the form's checklist
 * {@code conditionsChecked} holds the ones ticked.
 */
public enum ReviewCondition {
  DIPLOMATIC_RELATIONS("Negara mitra memiliki hubungan diplomatik dengan Indonesia"),
  REGIONAL_COMPETENCE("Urusan yang dikerjasamakan menjadi kewenangan daerah"),
  PLAN_FIT("Sesuai dengan RPJMN/RPJMD"),
  BUDGET("Pembiayaan jelas (tercantum dalam APBD atau sumber lain yang sah)"),
  DOSSIER_COMPLETE("Dokumen yang dipersyaratkan lengkap");

  /** The checklist field of the forms (a list of condition codes). */
  public static final String FIELD_CONDITIONS_CHECKED = "conditionsChecked";
  /** Notes on the conditions (what was found), at most {@link #MAX_NOTES} characters. */
  public static final String FIELD_CHECKLIST_NOTES = "checklistNotes";
  public static final int MAX_NOTES = 2000;

  private final String label;

  ReviewCondition(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
