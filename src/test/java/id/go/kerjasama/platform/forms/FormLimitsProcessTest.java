package id.go.kerjasama.platform.forms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.go.kerjasama.ProcessTest;
import id.go.kerjasama.ProcessTestSupport;
import id.go.kerjasama.lifecycle.LifecycleProcess;
import id.go.kerjasama.platform.web.InvalidInputException;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The deployed forms' limits on the real paths, as Tasklist and REST submit:
 * the start form (through the lifecycle's proposal check) and a review task
 * with no validator of its own, whose notes the server used to take at any
 * length (the form said 4000). Province 82 (Maluku Utara) is this test's own.
 */
@ProcessTest
class FormLimitsProcessTest extends ProcessTestSupport {

  private static final String TASK_REVIEW_BY_FASKER = "UserTask_DecideCentralApproval";

  @Autowired
  JdbcTemplate jdbc;

  @Test
  void theStartFormsTitleIsRefusedOneCharacterPastTheFormsMaximumAndTakenAtIt() {
    Integer before = jdbc.queryForObject("SELECT COUNT(*) FROM agreement", Integer.class);
    Map<String, Object> tooLong = proposal("LUAR_NEGERI", "province-82", "82");
    tooLong.put(LifecycleProcess.FIELD_TITLE, "t".repeat(301));

    assertThatThrownBy(() -> submit("province-82", tooLong))
        .isInstanceOf(InvalidInputException.class)
        .satisfies(e -> assertThat(((InvalidInputException) e).problems())
            .containsExactly("Judul kerja sama paling banyak 300 karakter (sekarang 301)"));
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM agreement", Integer.class)).isEqualTo(before);

    Map<String, Object> atLimit = proposal("LUAR_NEGERI", "province-82", "82");
    atLimit.put(LifecycleProcess.FIELD_TITLE, "t".repeat(300));
    ProcessInstance pi = submit("province-82", atLimit);
    assertThat(jdbc.queryForObject("SELECT title FROM agreement WHERE registration_number = ?", String.class,
        pi.getBusinessKey())).hasSize(300);
  }

  @Test
  void aReviewsNotesAreRefusedPastTheFormsMaximumAndTheTaskStaysOpen() {
    // Kemendagri's own domestic cooperation goes straight to Fasker's decision (route 4)
    ProcessInstance pi = submit("ministry-kemendagri", proposal("DALAM_NEGERI", "ministry-kemendagri", "82"));
    Task review = openTask(pi.getBusinessKey(), TASK_REVIEW_BY_FASKER);
    assertThat(review).isNotNull();

    assertThatThrownBy(() -> complete("fasker", review, decision("APPROVED", "n".repeat(4001))))
        .isInstanceOf(InvalidInputException.class)
        .satisfies(e -> assertThat(((InvalidInputException) e).problems())
            .containsExactly("Catatan paling banyak 4000 karakter (sekarang 4001)"));
    assertThat(openTask(pi.getBusinessKey(), TASK_REVIEW_BY_FASKER)).isNotNull();

    complete("fasker", review, decision("APPROVED", "n".repeat(4000)));
    assertThat(openTask(pi.getBusinessKey(), TASK_REVIEW_BY_FASKER)).isNull();
    assertThat(jdbc.queryForObject("SELECT e.notes FROM agreement_event e JOIN agreement a ON a.id = e.agreement_id"
        + " WHERE a.registration_number = ? AND e.activity = ?", String.class, pi.getBusinessKey(),
        TASK_REVIEW_BY_FASKER)).hasSize(4000);
  }
}
