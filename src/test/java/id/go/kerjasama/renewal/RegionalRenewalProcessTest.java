package id.go.kerjasama.renewal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import id.go.kerjasama.ProcessTest;
import id.go.kerjasama.approval.ApprovalProcess;
import id.go.kerjasama.approval.ApprovalWalk;
import id.go.kerjasama.lifecycle.LifecycleProcess;
import id.go.kerjasama.lifecycle.LifecycleTestSupport;
import id.go.kerjasama.platform.calendar.WorkingDayCalendar;
import id.go.kerjasama.registry.AgreementEvent;
import id.go.kerjasama.registry.Phase;
import id.go.kerjasama.registry.Status;
import id.go.kerjasama.signing.SigningWalk;
import java.time.LocalDate;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A region's cooperation is renewed by its parties, not by Fasker
 * (docs/regulations.md A26, A27; kerjasama.renewal.regional-decided-by-parties):
 * the proposing region decides and, for a KSDD, the partner region agrees; a
 * partner that declines ends the cooperation on its end date; a region–ministry
 * Nota Kesepakatan likewise by the region and the ministry (A33). Provinces 94
 * (proposer) and 96 (partner), ministries Kementan and BNPB; the other types
 * keep Fasker (RenewalProcessTest).
 */
@ProcessTest
class RegionalRenewalProcessTest extends LifecycleTestSupport {

  @Autowired
  WorkingDayCalendar workingDays;

  ProcessInstance signedRegional(String type, String proposer, String partnerRegion, String location) {
    Map<String, Object> form = proposal(type, proposer, location);
    form.put(LifecycleProcess.FIELD_COOPERATION_NATURE, "SUKARELA");
    form.put(LifecycleProcess.FIELD_GOVERNMENT_AFFAIR, "Pendidikan");
    form.put(LifecycleProcess.FIELD_DURATION_MONTHS, 12L);
    if (partnerRegion != null) {
      form.put(LifecycleProcess.FIELD_PARTNER_REGION, partnerRegion);
    } else {
      form.put(LifecycleProcess.FIELD_PARTNER_NAME, "PT Air Bersih Papua");
    }
    ProcessInstance pi = submit(proposer, form);
    new ApprovalWalk(processEngine, this::complete, documents).approve(pi.getBusinessKey());
    new SigningWalk(processEngine, documents, this::complete)
        .sign(pi.getBusinessKey(), "PKS-" + pi.getBusinessKey(), today(), today(), today().plusMonths(12));
    assertThat(agreementOf(pi).status()).isEqualTo(Status.ACTIVE);
    return pi;
  }

  /** A Nota Kesepakatan (GR 28/2018 art. 46) between a region and a ministry, signed by both and in force. */
  ProcessInstance signedNotaKesepakatan(String proposer, String partner, String location) {
    Map<String, Object> form = proposal("DALAM_NEGERI", proposer, location);
    form.put(LifecycleProcess.FIELD_NOTA_KESEPAKATAN_PARTNER, partner);
    form.put(LifecycleProcess.FIELD_DURATION_MONTHS, 12L);
    form.remove(LifecycleProcess.FIELD_PARTNER_NAME);
    form.remove(LifecycleProcess.FIELD_PARTNER_COUNTRY);
    ProcessInstance pi = submit(proposer, form);
    new ApprovalWalk(processEngine, this::complete, documents).approve(pi.getBusinessKey());
    new SigningWalk(processEngine, documents, this::complete)
        .sign(pi.getBusinessKey(), "NK-" + pi.getBusinessKey(), today(), today(), today().plusMonths(12));
    assertThat(agreementOf(pi).status()).isEqualTo(Status.ACTIVE);
    return pi;
  }

  @Test
  void aRegionsNotaKesepakatanWithAMinistryIsRenewedByTheRegionAndTheMinistryNotFasker() {
    ProcessInstance pi = signedNotaKesepakatan("province-94", "ministry-kementan", "94");
    String key = pi.getBusinessKey();
    fire(key, LifecycleProcess.TIMER_RENEWAL_DUE);

    assertThat(openTask(key, RenewalProcess.TASK_DECIDE)).isNull();
    Task decide = task(key, RenewalProcess.TASK_DECIDE_REGION);
    assertThat(decide).hasCandidateGroup("province-94").hasName("Putuskan perpanjangan kerja sama (pihak pengusul)");
    assertThatThrownBy(() -> complete("fasker", decide, decision("EXTEND", null)))
        .isInstanceOf(org.camunda.bpm.engine.AuthorizationException.class);
    complete("province-94", decide, decision("EXTEND", null));

    // the ministry is the other party: it agrees, as a ministry (not a "daerah mitra"); others cannot
    Task agree = task(key, RenewalProcess.TASK_AGREE_PARTNER);
    assertThat(agree).hasCandidateGroup("ministry-kementan").hasName("Setujui perpanjangan kerja sama (pihak mitra)");
    for (String outsider : java.util.List.of("fasker", "ministry-bnpb", "province-96")) {
      assertThatThrownBy(() -> complete(outsider, agree, decision("AGREE", null)))
          .as(outsider).isInstanceOf(org.camunda.bpm.engine.AuthorizationException.class);
    }
    complete("ministry-kementan", agree, decision("AGREE", null));

    assertThat(agreementOf(pi).term()).isEqualTo(2);
    assertThat(agreements.events(agreementOf(pi).id())).extracting(AgreementEvent::activity, AgreementEvent::actor)
        .contains(tuple(RenewalProcess.TASK_DECIDE_REGION, "t-province-94"),
            tuple(RenewalProcess.TASK_AGREE_PARTNER, "t-ministry-kementan"));
    assertThat(agreements.events(agreementOf(pi).id())).extracting(AgreementEvent::activity)
        .doesNotContain(RenewalProcess.TASK_DECIDE);
  }

  @Test
  void aMinistrysNotaKesepakatanWithARegionIsDecidedByTheMinistryAndTheRegionMayDecline() {
    ProcessInstance pi = signedNotaKesepakatan("ministry-bnpb", "province-96", "96");
    String key = pi.getBusinessKey();
    fire(key, LifecycleProcess.TIMER_RENEWAL_DUE);

    Task decide = task(key, RenewalProcess.TASK_DECIDE_REGION);
    assertThat(decide).hasCandidateGroup("ministry-bnpb").hasName("Putuskan perpanjangan kerja sama (pihak pengusul)");
    complete("ministry-bnpb", decide, decision("EXTEND", null));
    Task agree = task(key, RenewalProcess.TASK_AGREE_PARTNER);
    assertThat(agree).hasCandidateGroup("province-96");
    complete("province-96", agree, decision("DECLINE", "Tidak dianggarkan dalam APBD 2027"));

    // not extended: in force until its end date
    assertThat(agreementOf(pi).term()).isEqualTo(1);
    assertThat(agreementOf(pi).status()).isEqualTo(Status.ACTIVE);
    assertThat(timer(key, LifecycleProcess.TIMER_AGREEMENT_ENDS)).isNotNull();
  }

  @Test
  void aKsddExtensionIsDecidedByTheProposingRegionAndAgreedByThePartnerRegion() {
    ProcessInstance pi = signedRegional("KSDD", "province-94", "province-96", "94");
    String key = pi.getBusinessKey();
    fire(key, LifecycleProcess.TIMER_RENEWAL_DUE);

    // no Fasker decision: the proposing region decides
    assertThat(openTask(key, RenewalProcess.TASK_DECIDE)).isNull();
    Task decide = task(key, RenewalProcess.TASK_DECIDE_REGION);
    assertThat(decide).hasCandidateGroup("province-94").hasName("Putuskan perpanjangan kerja sama (pihak pengusul)");
    assertThat(decide.getDueDate()).isEqualTo(WorkingDayCalendar.closingTime(
        workingDays.minusWorkingDays(agreementOf(pi).endDate(), 1)));
    assertThatThrownBy(() -> complete("fasker", decide, decision("EXTEND", null))).isNotNull();
    complete("province-94", decide, decision("EXTEND", null));

    Task agree = task(key, RenewalProcess.TASK_AGREE_PARTNER);
    assertThat(agree).hasCandidateGroup("province-96").hasName("Setujui perpanjangan kerja sama (pihak mitra)");
    assertThat(agree.getDueDate()).isEqualTo(decide.getDueDate());
    assertThat(agreementOf(pi).phase()).isEqualTo(Phase.RENEWAL);
    complete("province-96", agree, decision("AGREE", null));

    // extended: the extension repeats the approval route (A7), starting at the region's TKKSD
    assertThat(agreementOf(pi).term()).isEqualTo(2);
    assertThat(agreementOf(pi).phase()).isEqualTo(Phase.CENTRAL_APPROVAL);
    assertThat(task(key, ApprovalProcess.TASK_REVIEW_BY_TKKSD)).isNotNull();
    assertThat(agreements.events(agreementOf(pi).id())).extracting(AgreementEvent::activity, AgreementEvent::actor)
        .contains(tuple(RenewalProcess.TASK_DECIDE_REGION, "t-province-94"),
            tuple(RenewalProcess.TASK_AGREE_PARTNER, "t-province-96"));
  }

  @Test
  void aRegionalCooperationEndingWithoutADecisionIsFollowedUpByItsPartiesNotByFasker() {
    // regency 9303 with its province 93 as KSDD partner: no other test's renewal uses them
    ProcessInstance pi = signedRegional("KSDD", "regency-9303", "province-93", "93");
    String key = pi.getBusinessKey();
    fire(key, LifecycleProcess.TIMER_RENEWAL_DUE);
    assertThat(task(key, RenewalProcess.TASK_DECIDE_REGION)).hasCandidateGroup("regency-9303");
    fire(key, RenewalProcess.TIMER_NO_DECISION);
    assertThat(agreementOf(pi).status()).isEqualTo(Status.EXPIRED);

    Task followUp = task(key, RenewalProcess.TASK_FOLLOW_UP_EXPIRY);
    assertThat(processEngine.getTaskService().getIdentityLinksForTask(followUp.getId()))
        .filteredOn(l -> l.getGroupId() != null).extracting(l -> l.getGroupId())
        .containsExactlyInAnyOrder("regency-9303", "province-93");
    // Fasker sees the cooperation, but the follow-up is the parties' (A26, A27)
    assertThatThrownBy(() -> complete("fasker", followUp, decision("CLOSE_OUT", "Diselesaikan Fasker")))
        .isInstanceOf(org.camunda.bpm.engine.AuthorizationException.class);
    complete("province-93", followUp, decision("CLOSE_OUT", "Para pihak sepakat menutup kerja sama"));
    assertThat(agreements.events(agreementOf(pi).id())).extracting(AgreementEvent::activity, AgreementEvent::actor)
        .contains(tuple(RenewalProcess.TASK_FOLLOW_UP_EXPIRY, "t-province-93"));
  }

  @Test
  void aKsddPartnerThatDeclinesEndsTheCooperationOnItsEndDate() {
    ProcessInstance pi = signedRegional("KSDD", "province-94", "province-96", "94");
    String key = pi.getBusinessKey();
    fire(key, LifecycleProcess.TIMER_RENEWAL_DUE);
    complete("province-94", task(key, RenewalProcess.TASK_DECIDE_REGION), decision("EXTEND", null));

    Task agree = task(key, RenewalProcess.TASK_AGREE_PARTNER);
    assertThatThrownBy(() -> complete("province-96", agree, decision("DECLINE", null)))
        .hasMessageContaining("Catatan wajib diisi");
    complete("province-96", agree, decision("DECLINE", "Tidak dianggarkan dalam APBD 2027"));

    // not extended: still in force until the end date, then it ends
    assertThat(agreementOf(pi).term()).isEqualTo(1);
    assertThat(agreementOf(pi).status()).isEqualTo(Status.ACTIVE);
    assertThat(openTask(key, ApprovalProcess.TASK_REVIEW_BY_TKKSD)).isNull();
    assertThat(dueDay(timer(key, LifecycleProcess.TIMER_AGREEMENT_ENDS))).isEqualTo(agreementOf(pi).endDate());
    assertThat(agreements.events(agreementOf(pi).id())).extracting(AgreementEvent::activity, AgreementEvent::outcome)
        .contains(tuple(RenewalProcess.TASK_AGREE_PARTNER, "DECLINE"));
  }

  @Test
  void aKsddTheProposingRegionDoesNotExtendAsksNoPartner() {
    ProcessInstance pi = signedRegional("KSDD", "province-94", "province-96", "94");
    String key = pi.getBusinessKey();
    fire(key, LifecycleProcess.TIMER_RENEWAL_DUE);
    complete("province-94", task(key, RenewalProcess.TASK_DECIDE_REGION), decision("END", "Tujuan tercapai"));
    assertThat(openTask(key, RenewalProcess.TASK_AGREE_PARTNER)).isNull();
    assertThat(timer(key, LifecycleProcess.TIMER_AGREEMENT_ENDS)).isNotNull();
  }

  @Test
  void aKsdpkExtensionIsDecidedByTheProposingRegionAlone() {
    ProcessInstance pi = signedRegional("KSDPK", "province-96", null, "96");
    String key = pi.getBusinessKey();
    fire(key, LifecycleProcess.TIMER_RENEWAL_DUE);
    assertThat(openTask(key, RenewalProcess.TASK_DECIDE)).isNull();
    complete("province-96", task(key, RenewalProcess.TASK_DECIDE_REGION), decision("EXTEND", null));
    assertThat(openTask(key, RenewalProcess.TASK_AGREE_PARTNER)).isNull();
    assertThat(agreementOf(pi).term()).isEqualTo(2);
    assertThat(agreementOf(pi).phase()).isEqualTo(Phase.CENTRAL_APPROVAL);
  }

  @Test
  void aCentralCooperationIsStillDecidedByFasker() {
    ProcessInstance pi = signed("DALAM_NEGERI", "province-94", "94", LocalDate.of(2026, 2, 2),
        LocalDate.of(2026, 12, 31));
    String key = pi.getBusinessKey();
    walkCycle(key, "province-94", 4);
    fire(key, LifecycleProcess.TIMER_RENEWAL_DUE);
    assertThat(openTask(key, RenewalProcess.TASK_DECIDE_REGION)).isNull();
    assertThat(task(key, RenewalProcess.TASK_DECIDE)).hasCandidateGroup("fasker");
  }
}
