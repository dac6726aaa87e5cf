package id.go.kerjasama.workplan;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Due dates of the work plan tasks ({@code kerjasama.workplan.*}), in working days from the task's creation.
 *
 * @param draftWorkingDays  drafting (and redrafting after a return)
 * @param reviewWorkingDays each review: location provinces, partner ministry, Fasker
 */
@ConfigurationProperties(prefix = "kerjasama.workplan")
public record WorkPlanProperties(Integer draftWorkingDays, Integer reviewWorkingDays) {

  public WorkPlanProperties {
    draftWorkingDays = draftWorkingDays == null ? 20 : draftWorkingDays;
    reviewWorkingDays = reviewWorkingDays == null ? 10 : reviewWorkingDays;
  }
}
