package id.go.kerjasama.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.kerjasama.ProcessTest;
import id.go.kerjasama.platform.web.InvalidInputException;
import java.math.BigDecimal;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The proposal's estimated budget (issue 13): optional, in Rupiah, read by the
 * one amount parser of every form, limited by the start form's validate block
 * (forms/cooperation-lifecycle/register-proposal.form), stored in the registry.
 */
@ProcessTest
class ProposalBudgetProcessTest extends LifecycleTestSupport {

  @Autowired
  JdbcTemplate jdbc;

  @Test
  void theBudgetTypedTheIndonesianWayIsStoredExactly() {
    Map<String, Object> typed = proposal("LUAR_NEGERI", "province-32", "32");
    typed.put(LifecycleProcess.FIELD_ESTIMATED_BUDGET, "Rp 1.500.000.000");
    assertThat(agreementOf(submit("province-32", typed)).estimatedBudget())
        .isEqualByComparingTo(new BigDecimal("1500000000"));

    // as Tasklist's form sends it: a number, with cents
    Map<String, Object> fromTasklist = proposal("LUAR_NEGERI", "province-32", "32");
    fromTasklist.put(LifecycleProcess.FIELD_ESTIMATED_BUDGET, 2750000000.5d);
    ProcessInstance pi = submit("province-32", fromTasklist);
    assertThat(agreementOf(pi).estimatedBudget()).isEqualTo(new BigDecimal("2750000000.50"));
    // the registry holds it; the form value does not stay in the process
    assertThat(processEngine.getRuntimeService().getVariables(pi.getId()))
        .doesNotContainKey(LifecycleProcess.FIELD_ESTIMATED_BUDGET);
  }

  @Test
  void theBudgetMayBeLeftEmpty() {
    Map<String, Object> none = proposal("DALAM_NEGERI", "province-33", "33");
    assertThat(agreementOf(submit("province-33", none)).estimatedBudget()).isNull();
    Map<String, Object> blank = proposal("DALAM_NEGERI", "province-33", "33");
    blank.put(LifecycleProcess.FIELD_ESTIMATED_BUDGET, " ");
    assertThat(agreementOf(submit("province-33", blank)).estimatedBudget()).isNull();
  }

  @Test
  void implausibleBudgetsAreRefusedWithAMessageAndNothingIsWritten() {
    Integer before = jdbc.queryForObject("SELECT COUNT(*) FROM agreement", Integer.class);
    assertThat(refusal(-1L)).containsExactly("Perkiraan anggaran (Rp) paling kecil 0");
    assertThat(refusal("1.000.000.000.000.000")).containsExactly("Perkiraan anggaran (Rp) paling besar 999.999.999.999.999");
    assertThat(refusal("1.500.000,125")).containsExactly(
        "Perkiraan anggaran (Rp) paling banyak 2 angka di belakang koma");
    // ambiguous: a thousands comma is not guessed
    assertThat(refusal("1,500,000")).singleElement().asString().startsWith("Perkiraan anggaran (Rp)");
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM agreement", Integer.class)).isEqualTo(before);
  }

  private java.util.List<String> refusal(Object budget) {
    Map<String, Object> form = proposal("LUAR_NEGERI", "province-32", "32");
    form.put(LifecycleProcess.FIELD_ESTIMATED_BUDGET, budget);
    try {
      submit("province-32", form);
    } catch (InvalidInputException e) {
      return e.problems();
    }
    throw new AssertionError("A budget of " + budget + " was accepted");
  }
}
