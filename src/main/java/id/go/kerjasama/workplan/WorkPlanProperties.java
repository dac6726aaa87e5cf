package id.go.kerjasama.workplan;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Due dates of the work plan tasks ({@code kerjasama.workplan.*}), in working days from the task's creation.
 *
 * @param draftWorkingDays  drafting (and redrafting after a return)
 * @param reviewWorkingDays each review: location provinces, partner ministry, Fasker
 * @param ngoDraftsRkt      true (default): a cooperation naming a registered foreign NGO has the NGO draft one RKT per
 *                          location region, each agreed and co-signed by that region (docs/regulations.md A19, A20,
 *                          A30); false: the proposer (the Mitra Utama) drafts one plan that every location province
 *                          reviews, as for any other cooperation
 */
@ConfigurationProperties(prefix = "kerjasama.workplan")
public record WorkPlanProperties(Integer draftWorkingDays, Integer reviewWorkingDays, Boolean ngoDraftsRkt) {

  public WorkPlanProperties {
    ngoDraftsRkt = ngoDraftsRkt == null ? Boolean.TRUE : ngoDraftsRkt;
    draftWorkingDays = draftWorkingDays == null ? 20 : draftWorkingDays;
    reviewWorkingDays = reviewWorkingDays == null ? 10 : reviewWorkingDays;
  }
}
