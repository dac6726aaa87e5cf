package id.go.kerjasama.approval;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Service levels of the central approval, in Indonesian working days
 * (application.yaml, {@code kerjasama.approval}). No regulation fixes them,
 * so they are configuration.
 *
 * @param revisionWorkingDays working days a proposer has to revise a returned
 *                            proposal; after that the proposal lapses
 * @param due                 due date of each review task, keyed by the task id
 *                            without {@code UserTask_} in kebab case, e.g.
 *                            {@code review-by-fasker} for {@code UserTask_ReviewByFasker}
 */
@ConfigurationProperties(prefix = "kerjasama.approval")
public record ApprovalProperties(@DefaultValue("10") int revisionWorkingDays, Map<String, Integer> due) {

  public ApprovalProperties {
    due = due == null ? Map.of() : Map.copyOf(due);
  }
}
