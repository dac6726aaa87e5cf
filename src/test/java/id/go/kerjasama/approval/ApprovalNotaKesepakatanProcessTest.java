package id.go.kerjasama.approval;

import static id.go.kerjasama.approval.ApprovalProcess.TASK_AGREE_NOTA_KESEPAKATAN_PARTNER;
import static id.go.kerjasama.approval.ApprovalProcess.TASK_DRAFT_NOTA_KESEPAKATAN;
import static id.go.kerjasama.approval.ApprovalProcess.TASK_INFORM_CENTRAL;
import static id.go.kerjasama.approval.ApprovalProcess.TASK_REVIEW_BY_PROVINCE;
import static id.go.kerjasama.approval.ApprovalProcess.TASK_REVIEW_BY_TKKSD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import id.go.kerjasama.ProcessTest;
import id.go.kerjasama.documents.DocumentService;
import id.go.kerjasama.lifecycle.LifecycleProcess;
import id.go.kerjasama.platform.web.InvalidInputException;
import id.go.kerjasama.registry.Agreement;
import id.go.kerjasama.registry.AgreementEvent;
import id.go.kerjasama.registry.CooperationType;
import id.go.kerjasama.registry.DocumentKind;
import id.go.kerjasama.registry.NewProposal;
import id.go.kerjasama.registry.Phase;
import id.go.kerjasama.registry.Status;
import id.go.kerjasama.signing.SigningSettings;
import id.go.kerjasama.signing.SigningTestData;
import id.go.kerjasama.signing.SigningWalk;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A region's cooperation with a ministry, and a ministry's with a region
 * (GR 28/2018 art. 46): the Nota Kesepakatan with its Rencana Kerja, drafted
 * by the proposer, agreed by the partner (returned once), signed, and only
 * with assumption A29 switched on a PKS after it; a PKS before the Nota
 * Kesepakatan refused saying what comes first. Province 93 (Papua Selatan),
 * its regencies 9301 and 9302, ministries Kementan and BNPB: no other test
 * uses them. Clock fixed at Monday 2 February 2026.
 */
@ProcessTest
class ApprovalNotaKesepakatanProcessTest extends ApprovalTestSupport {

  @Autowired
  DocumentService documents;
  @Autowired
  SigningSettings signingSettings;

  ProcessInstance propose(String proposer, String partner, String... locations) {
    Map<String, Object> form = proposal("DALAM_NEGERI", proposer, locations);
    form.put(LifecycleProcess.FIELD_NOTA_KESEPAKATAN_PARTNER, partner);
    form.remove(LifecycleProcess.FIELD_PARTNER_NAME);
    form.remove(LifecycleProcess.FIELD_PARTNER_COUNTRY);
    return submit(proposer, form);
  }

  void upload(ProcessInstance pi, DocumentKind kind, String group) {
    documents.upload(agreementId(pi), kind, kind.name().toLowerCase() + ".pdf",
        SigningTestData.pdf(pi.getBusinessKey() + kind + System.nanoTime()), "t-" + group);
  }

  SigningWalk signingWalk() {
    return new SigningWalk(processEngine, documents, this::complete);
  }

  @Test
  void aRegencysNotaKesepakatanWithAMinistryIsAgreedByTheMinistryAndSignedWithoutAPks() {
    ProcessInstance pi = propose("regency-9301", "ministry-kementan", "93");
    Agreement proposed = agreementOf(pi);
    assertThat(proposed.type()).isEqualTo(CooperationType.DALAM_NEGERI);
    assertThat(proposed.partnerMinistry()).isEqualTo("ministry-kementan");
    // the partner's name comes from the reference data, not typed
    assertThat(proposed.partnerName()).isEqualTo("Kementerian Pertanian");
    assertThat(proposed.partnerCountry()).isEqualTo("Indonesia");
    assertThat(proposed.notaKesepakatan()).isTrue();

    decide(pi, TASK_REVIEW_BY_TKKSD, "tkksd-regency-9301", values("decision", "APPROVED",
        "conditionsChecked", ApprovalWalk.CHECKLIST_OF_TASK.get(TASK_REVIEW_BY_TKKSD)));
    decide(pi, TASK_REVIEW_BY_PROVINCE, "province-93", "APPROVED", null);

    // the draft needs its document: the Nota Kesepakatan with the Rencana Kerja annexed
    Task draft = task(pi, TASK_DRAFT_NOTA_KESEPAKATAN, "regency-9301");
    assertThat(draft.getDueDate()).isEqualTo(closing(LocalDate.of(2026, 3, 4)));
    assertThatThrownBy(() -> complete("regency-9301", draft, decision(null, "Rancangan pertama")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("Dokumen Rancangan Nota Kesepakatan dan Rencana Kerja belum diunggah");
    upload(pi, DocumentKind.NKSP_DRAFT, "regency-9301");
    complete("regency-9301", draft, decision(null, "Rancangan pertama"));

    // the ministry returns it once with notes, then agrees the revised draft
    Task agree = task(pi, TASK_AGREE_NOTA_KESEPAKATAN_PARTNER, "ministry-kementan");
    assertThat(agree.getDueDate()).isEqualTo(closing(LocalDate.of(2026, 2, 18)));
    assertThatThrownBy(() -> complete("ministry-kementan", agree, decision("RETURNED", null)))
        .isInstanceOf(InvalidInputException.class);
    complete("ministry-kementan", agree, decision("RETURNED", "Rencana Kerja belum memuat jadwal kegiatan 2026"));
    upload(pi, DocumentKind.NKSP_DRAFT, "regency-9301");
    decide(pi, TASK_DRAFT_NOTA_KESEPAKATAN, "regency-9301", decision(null, "Jadwal kegiatan ditambahkan"));
    decide(pi, TASK_AGREE_NOTA_KESEPAKATAN_PARTNER, "ministry-kementan", "AGREED", null);

    // no DPRD, no Fasker decision: approved, Kemendagri's domestic division and the province informed
    assertThat(pi).isWaitingAt(LifecycleProcess.CALL_SIGNING);
    assertThat(agreementOf(pi).status()).isEqualTo(Status.APPROVED);
    assertThat(timeline(pi)).filteredOn(e -> e.phase() == Phase.CENTRAL_APPROVAL)
        .extracting(AgreementEvent::activity, AgreementEvent::outcome)
        .containsSubsequence(tuple(TASK_REVIEW_BY_TKKSD, "APPROVED"), tuple(TASK_REVIEW_BY_PROVINCE, "APPROVED"),
            tuple(TASK_AGREE_NOTA_KESEPAKATAN_PARTNER, "RETURNED"), tuple(TASK_AGREE_NOTA_KESEPAKATAN_PARTNER, "AGREED"),
            tuple(TASK_INFORM_CENTRAL, "INFORMED"), tuple(ApprovalProcess.TASK_RECORD_APPROVAL, "APPROVED"));
    assertThat(timeline(pi)).extracting(AgreementEvent::activity).doesNotContain(
        ApprovalProcess.TASK_RECORD_DPRD_APPROVAL, ApprovalProcess.TASK_DECIDE_CENTRAL_APPROVAL,
        ApprovalProcess.TASK_REVIEW_BY_FASKER);

    // signed as a Nota Kesepakatan; no PKS follows (A29 default), the agreement is in force
    assertThat(signingWalk().sign(pi.getBusinessKey(), "NK-9301/2026", today(), today().plusMonths(1),
        today().plusMonths(25)))
        .extracting(SigningWalk.Step::taskKey, SigningWalk.Step::group)
        .containsExactly(tuple("UserTask_RecordNotaKesepakatanSigning", "regency-9301"),
            tuple("UserTask_ConfirmNotaKesepakatanPartner", "ministry-kementan"));
    Agreement signed = agreementOf(pi);
    assertThat(signed.status()).isEqualTo(Status.ACTIVE);
    assertThat(signed.documentKind()).isEqualTo("NOTA_KESEPAKATAN");
    assertThat(signed.documentNumber()).isEqualTo("NK-9301/2026");
    assertThat(pi).isWaitingAt(LifecycleProcess.CALL_WORK_PLAN);
  }

  @Test
  void aMinistrysNotaKesepakatanWithARegionIsAgreedByTheRegionAndAPksFollowsWhenConfigured() {
    ProcessInstance pi = propose("ministry-bnpb", "regency-9302", "93");
    Agreement proposed = agreementOf(pi);
    assertThat(proposed.partnerRegion()).isEqualTo("regency-9302");
    assertThat(proposed.partnerMinistry()).isNull();
    assertThat(proposed.locationProvinces()).contains("province-93");

    assertThat(new ApprovalWalk(processEngine, this::complete, documents).approve(pi.getBusinessKey()))
        .containsExactly(new ApprovalWalk.Step(TASK_DRAFT_NOTA_KESEPAKATAN, "ministry-bnpb"),
            new ApprovalWalk.Step(TASK_AGREE_NOTA_KESEPAKATAN_PARTNER, "regency-9302"));

    signingSettings.setNotaKesepakatanFollowedByPks(true);
    try {
      assertThat(signingWalk().sign(pi.getBusinessKey(), "PKS-9302/2026", today(), today().plusMonths(1),
          today().plusMonths(25)))
          .extracting(SigningWalk.Step::taskKey, SigningWalk.Step::group)
          .containsExactly(tuple("UserTask_RecordNotaKesepakatanSigning", "ministry-bnpb"),
              tuple("UserTask_ConfirmNotaKesepakatanPartner", "regency-9302"),
              tuple("UserTask_RecordPksSigning", "ministry-bnpb"),
              tuple("UserTask_ConfirmPksPartner", "regency-9302"));
    } finally {
      signingSettings.setNotaKesepakatanFollowedByPks(false);
    }
    Agreement signed = agreementOf(pi);
    assertThat(signed.status()).isEqualTo(Status.ACTIVE);
    assertThat(signed.documentKind()).isEqualTo("PKS");
  }

  @Test
  void thePartnerCoSignsTheNotaKesepakatanInItsOwnTaskAndOnlyThenIsItInForce() {
    ProcessInstance pi = propose("regency-9301", "ministry-kementan", "93");
    new ApprovalWalk(processEngine, this::complete, documents).approve(pi.getBusinessKey());
    assertThat(pi).isWaitingAt(LifecycleProcess.CALL_SIGNING);

    // the regency records its signature: the document is the agreement's, but it is not yet in force
    upload(pi, DocumentKind.NOTA_KESEPAKATAN, "regency-9301");
    Task record = openTask(pi.getBusinessKey(), "UserTask_RecordNotaKesepakatanSigning");
    complete("regency-9301", record, signing("NK-9301/2026-2", "Bupati Merauke"));
    Agreement recorded = agreementOf(pi);
    assertThat(recorded.documentNumber()).isEqualTo("NK-9301/2026-2");
    assertThat(recorded.status()).isEqualTo(Status.APPROVED);

    // the ministry co-signs in its own task: the regency, another ministry and another region cannot
    Task coSign = task(pi, "UserTask_ConfirmNotaKesepakatanPartner", "ministry-kementan");
    // due in 5 working days (kerjasama.signing.partner-co-sign-working-days)
    assertThat(coSign.getDueDate()).isEqualTo(closing(LocalDate.of(2026, 2, 9)));
    for (String outsider : List.of("regency-9301", "ministry-bnpb", "regency-9302", "tkksd-regency-9301")) {
      assertThatThrownBy(() -> complete(outsider, coSign, decision("CONFIRMED", null)))
          .as(outsider).isInstanceOf(org.camunda.bpm.engine.AuthorizationException.class);
    }
    // disputing needs its reason and sends the record back to the regency; still not in force
    assertThatThrownBy(() -> complete("ministry-kementan", coSign, decision("DISPUTED", null)))
        .isInstanceOf(InvalidInputException.class);
    complete("ministry-kementan", coSign, decision("DISPUTED", "Nomor dokumen pihak kementerian belum dicantumkan"));
    assertThat(processEngine.getTaskService().createTaskQuery().processInstanceBusinessKey(pi.getBusinessKey()).list())
        .extracting(Task::getTaskDefinitionKey).containsExactly("UserTask_RecordNotaKesepakatanSigning");
    assertThat(agreementOf(pi).status()).isEqualTo(Status.APPROVED);
    complete("regency-9301", openTask(pi.getBusinessKey(), "UserTask_RecordNotaKesepakatanSigning"),
        signing("NK-9301/2026-2; 12/KPTS/2026", "Bupati Merauke, Menteri Pertanian"));
    assertThat(agreementOf(pi).status()).isEqualTo(Status.APPROVED);

    complete("ministry-kementan", task(pi, "UserTask_ConfirmNotaKesepakatanPartner", "ministry-kementan"),
        decision("CONFIRMED", null));
    Agreement signed = agreementOf(pi);
    assertThat(signed.status()).isEqualTo(Status.ACTIVE);
    assertThat(signed.documentNumber()).isEqualTo("NK-9301/2026-2; 12/KPTS/2026");
    assertThat(pi).isWaitingAt(LifecycleProcess.CALL_WORK_PLAN);
    assertThat(timeline(pi)).filteredOn(e -> e.phase() == Phase.SIGNING)
        .extracting(AgreementEvent::activity, AgreementEvent::actor, AgreementEvent::outcome)
        .containsSubsequence(tuple("UserTask_ConfirmNotaKesepakatanPartner", "t-ministry-kementan", "DISPUTED"),
            tuple("UserTask_ConfirmNotaKesepakatanPartner", "t-ministry-kementan", "CONFIRMED"));
  }

  @Test
  void withoutTheCoSigningTaskTheProposersRecordPutsTheNotaKesepakatanInForce() {
    ProcessInstance pi = propose("ministry-bnpb", "regency-9302", "93");
    new ApprovalWalk(processEngine, this::complete, documents).approve(pi.getBusinessKey());
    signingSettings.setNotaKesepakatanPartnerCoSigns(false);
    try {
      assertThat(signingWalk().sign(pi.getBusinessKey(), "NK-9302/2026", today(), today().plusMonths(1),
          today().plusMonths(25)))
          .extracting(SigningWalk.Step::taskKey)
          .containsExactly("UserTask_RecordNotaKesepakatanSigning");
    } finally {
      signingSettings.setNotaKesepakatanPartnerCoSigns(true);
    }
    assertThat(agreementOf(pi).status()).isEqualTo(Status.ACTIVE);
  }

  Map<String, Object> signing(String number, String signatories) {
    Map<String, Object> values = new HashMap<>();
    values.put("documentNumber", number);
    values.put("signatories", signatories);
    values.put("signedOn", today().toString());
    values.put("startDate", today().plusMonths(1).toString());
    values.put("endDate", today().plusMonths(25).toString());
    return values;
  }

  @Test
  void aPksBeforeTheNotaKesepakatanIsRefusedSayingWhatComesFirst() {
    Agreement agreement = agreements.register(new NewProposal(CooperationType.DALAM_NEGERI,
        "Sinergi cadangan pangan daerah", "Kementerian Pertanian", "Indonesia", "regency-9301", "province-93",
        "ministry-kementan", List.of("province-93"), List.of("PERTANIAN"), today().plusMonths(1), 24, false,
        null, null, null, null), "t-test", null);
    Map<String, Object> variables = new HashMap<>();
    variables.put("agreementId", agreement.id());
    variables.put("registrationNumber", agreement.registrationNumber());
    variables.put("cooperationType", "DALAM_NEGERI");
    variables.put("proposerGroup", "regency-9301");
    variables.put("proposerLevel", "REGENCY");
    variables.put("provinceGroup", "province-93");
    variables.put("partnerMinistryGroup", "ministry-kementan");
    variables.put("partnerRegionGroup", null);
    // an instance an administrator moved to the PKS before the Nota Kesepakatan was recorded
    ProcessInstance signing = processEngine.getRuntimeService().createProcessInstanceByKey("agreement-signing")
        .businessKey(agreement.registrationNumber())
        .setVariables(variables)
        .startBeforeActivity("UserTask_RecordPksSigning")
        .execute();
    Task pks = processEngine.getTaskService().createTaskQuery().processInstanceId(signing.getId()).singleResult();
    documents.upload(agreement.id(), DocumentKind.PKS, "pks.pdf", SigningTestData.pdf("pks-9301"), "t-regency-9301");
    Map<String, Object> values = new HashMap<>();
    values.put("documentNumber", "PKS-9301/2026");
    values.put("signatories", "Bupati Merauke, Menteri Pertanian");
    values.put("signedOn", today().toString());
    values.put("startDate", today().plusMonths(1).toString());
    values.put("endDate", today().plusMonths(25).toString());
    assertThatThrownBy(() -> complete("regency-9301", pks, values))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("Perjanjian Kerja Sama belum dapat dicatat: Nota Kesepakatan dengan Rencana Kerja pada"
            + " lampirannya harus ditandatangani lebih dahulu");
    assertThat(processEngine.getTaskService().createTaskQuery().processInstanceId(signing.getId()).count())
        .isEqualTo(1);
    assertThat(agreements.get(agreement.id()).documentKind()).isNull();
  }
}
