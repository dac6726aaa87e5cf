package id.go.kerjasama.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The configuration of the central-approval due dates (the counting itself is the calendar's). */
class ApprovalDeadlinesTest {

  final List<Integer> asked = new ArrayList<>();

  Map<String, Integer> allDue(int days) {
    Map<String, Integer> due = new HashMap<>();
    ApprovalProcess.TASKS_WITH_DEADLINE.forEach(t -> due.put(ApprovalDeadlines.propertyKey(t), days));
    return due;
  }

  ApprovalDeadlines deadlines(int revisionDays, Map<String, Integer> due) {
    return new ApprovalDeadlines(new ApprovalProperties(revisionDays, due), n -> {
      asked.add(n);
      return new Date(n);
    });
  }

  @Test
  void propertyKeysAreTheTaskIdsInKebabCase() {
    assertThat(ApprovalDeadlines.propertyKey("UserTask_ReviewByFasker")).isEqualTo("review-by-fasker");
    assertThat(ApprovalDeadlines.propertyKey("UserTask_RecordDprdApproval")).isEqualTo("record-dprd-approval");
    assertThat(ApprovalDeadlines.propertyKey("UserTask_ConsultKemlu")).isEqualTo("consult-kemlu");
  }

  @Test
  void eachTaskAndTheRevisionUseTheirConfiguredWorkingDays() {
    Map<String, Integer> due = allDue(5);
    due.put("record-dprd-approval", 30);
    ApprovalDeadlines deadlines = deadlines(12, due);

    deadlines.dueDate("UserTask_RecordDprdApproval");
    deadlines.dueDate("UserTask_ReviewByProvince");
    deadlines.revisionDue();
    assertThat(asked).containsExactly(30, 5, 12);
  }

  @Test
  void aMissingOrNonPositiveSettingStopsTheStart() {
    Map<String, Integer> due = allDue(5);
    due.remove("consult-kemlu");
    due.put("review-by-fasker", 0);
    assertThatThrownBy(() -> deadlines(0, due))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("kerjasama.approval.due.consult-kemlu must be a positive number of working days")
        .hasMessageContaining("kerjasama.approval.due.review-by-fasker must be a positive number")
        .hasMessageContaining("kerjasama.approval.revision-working-days must be positive");
  }
}
