package id.go.kerjasama.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import id.go.kerjasama.ProcessTest;
import id.go.kerjasama.approval.ApprovalProcess;
import id.go.kerjasama.approval.ApprovalWalk;
import id.go.kerjasama.registry.AgreementEvent;
import id.go.kerjasama.registry.Phase;
import id.go.kerjasama.registry.Status;
import id.go.kerjasama.signing.SigningWalk;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;

/**
 * A region's extension repeats the approval route before it is signed again
 * (docs/regulations.md assumption A7, kerjasama.extension.repeats-approval):
 * a KSDPL a new DPRD approval, verification and the Minister's approval and a
 * new Full Power; a KSDD whose extension is not approved stays in force until
 * its end date and closes as not extended. Provinces 15, 16, 17; the clock
 * starts on Monday 2 February 2026.
 */
@ProcessTest
class RegionalExtensionProcessTest extends LifecycleTestSupport {

  ApprovalWalk walk() {
    return new ApprovalWalk(processEngine, this::complete, documents);
  }

  ProcessInstance propose(String type, String proposer, String partnerRegion, String location) {
    Map<String, Object> form = proposal(type, proposer, location);
    form.put(LifecycleProcess.FIELD_COOPERATION_NATURE, "SUKARELA");
    form.put(LifecycleProcess.FIELD_GOVERNMENT_AFFAIR, "Pendidikan");
    form.put(LifecycleProcess.FIELD_DURATION_MONTHS, 12L);
    if (partnerRegion != null) {
      form.put(LifecycleProcess.FIELD_PARTNER_REGION, partnerRegion);
    } else {
      form.put(LifecycleProcess.FIELD_PARTNER_NAME, "Kota Fukuoka");
    }
    return submit(proposer, form);
  }

  @Test
  void aForeignRegionsExtensionNeedsANewDprdApprovalMinistersApprovalAndFullPower() {
    ProcessInstance pi = propose("KSDPL", "province-16", null, "16");
    String key = pi.getBusinessKey();
    walk().approve(key);
    assertThat(new SigningWalk(processEngine, documents, this::complete)
        .sign(key, "MOU-16/2026", today(), today(), today().plusMonths(12)))
        .extracting(SigningWalk.Step::taskKey).containsExactly("UserTask_RecordFullPower", "UserTask_RecordMouSigning");
    assertThat(agreementOf(pi).status()).isEqualTo(Status.ACTIVE);

    fire(key, LifecycleProcess.TIMER_RENEWAL_DUE);
    // the parties decide a region's renewal (A26)
    complete("province-16", task(key, "UserTask_DecideRenewalRegion"), decision("EXTEND", null));
    // the extension's approval route: the LoI is not asked again
    assertThat(agreementOf(pi).phase()).isEqualTo(Phase.CENTRAL_APPROVAL);
    assertThat(walk().approve(key)).extracting(ApprovalWalk.Step::taskKey).containsExactly(
        ApprovalProcess.TASK_REVIEW_BY_TKKSD, ApprovalProcess.TASK_DRAFT_COOPERATION_PLAN,
        ApprovalProcess.TASK_RECORD_DPRD_APPROVAL, ApprovalProcess.TASK_CONSULT_KEMLU,
        ApprovalProcess.TASK_REVIEW_BY_FASKER, ApprovalProcess.TASK_DRAFT_MOU, ApprovalProcess.TASK_REVIEW_MOU_DRAFT,
        ApprovalProcess.TASK_RECORD_MINISTER_APPROVAL);
    // still in force while the extension is approved and signed
    assertThat(agreementOf(pi).status()).isEqualTo(Status.ACTIVE);
    assertThat(agreementOf(pi).term()).isEqualTo(2);

    // a new Full Power for the new MoU
    assertThat(new SigningWalk(processEngine, documents, this::complete)
        .sign(key, "MOU-16/2027", today(), LocalDate.of(2027, 2, 2), LocalDate.of(2028, 2, 1)))
        .extracting(SigningWalk.Step::taskKey).containsExactly("UserTask_RecordFullPower", "UserTask_RecordMouSigning");
    assertThat(agreementOf(pi).documentNumber()).isEqualTo("MOU-16/2027");
    assertThat(agreementOf(pi).term()).isEqualTo(2);
    List<AgreementEvent> timeline = agreements.events(agreementOf(pi).id());
    assertThat(timeline).filteredOn(e -> e.activity().equals(ApprovalProcess.TASK_RECORD_DPRD_APPROVAL)).hasSize(2);
    assertThat(timeline).filteredOn(e -> e.activity().equals(ApprovalProcess.TASK_RECORD_MINISTER_APPROVAL))
        .hasSize(2);
    assertThat(timeline).filteredOn(e -> e.activity().equals("UserTask_RecordFullPower")).hasSize(2);
  }

  @Test
  void aDomesticExtensionTheTkksdRefusesLeavesTheAgreementInForceUntilItsEndDate() {
    ProcessInstance pi = propose("KSDD", "province-15", "province-17", "15");
    String key = pi.getBusinessKey();
    walk().approve(key);
    new SigningWalk(processEngine, documents, this::complete)
        .sign(key, "PKS-15/2026", today(), today(), today().plusMonths(12));
    assertThat(agreementOf(pi).status()).isEqualTo(Status.ACTIVE);

    fire(key, LifecycleProcess.TIMER_RENEWAL_DUE);
    // the parties decide a region's renewal; a KSDD's partner region agrees (A26, A27)
    complete("province-15", task(key, "UserTask_DecideRenewalRegion"), decision("EXTEND", null));
    complete("province-17", task(key, "UserTask_AgreeRenewalPartner"), decision("AGREE", null));
    Task tkksd = task(key, ApprovalProcess.TASK_REVIEW_BY_TKKSD);
    assertThat(tkksd).isNotNull();
    complete("tkksd-province-15", tkksd, decision("REFUSED", "Tidak dianggarkan dalam RKPD 2027"));

    // not extended: term 1 again, still in force, closed at the end date
    assertThat(agreementOf(pi).term()).isEqualTo(1);
    assertThat(agreementOf(pi).status()).isEqualTo(Status.ACTIVE);
    assertThat(agreements.events(agreementOf(pi).id()))
        .extracting(AgreementEvent::activity, AgreementEvent::outcome)
        .contains(tuple("ServiceTask_ExtensionNotApproved", "NOT_EXTENDED"));
    assertThat(dueDay(timer(key, LifecycleProcess.TIMER_AGREEMENT_ENDS))).isEqualTo(LocalDate.of(2027, 2, 2));
  }
}
