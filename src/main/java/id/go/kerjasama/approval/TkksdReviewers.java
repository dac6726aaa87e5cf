package id.go.kerjasama.approval;

import id.go.kerjasama.platform.identity.Groups;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Who reviews a region's proposal for its coordination team (TKKSD,
 * UserTask_ReviewByTkksd: {@code ${tkksdReviewers.groupOf(proposerGroup)}}):
 * the region's own TKKSD group {@code tkksd-<region>} (default), or, with
 * {@code kerjasama.approval.tkksd-own-group=false}, the region's group itself
 * as before. That the TKKSD reviews before the proposal leaves the region is
 * Secondary (docs/regulations.md §2.4); who sits in it is the region's choice,
 * so the group is configurable (assumption A25).
 */
@Component
public class TkksdReviewers {

  private final boolean ownGroup;

  TkksdReviewers(@Value("${kerjasama.approval.tkksd-own-group:true}") boolean ownGroup) {
    this.ownGroup = ownGroup;
  }

  /** The candidate group of the TKKSD review of a proposal by {@code regionGroup}. */
  public String groupOf(String regionGroup) {
    return ownGroup ? Groups.tkksd(regionGroup) : regionGroup;
  }
}
