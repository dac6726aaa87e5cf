package id.go.kerjasama.approval;

import static id.go.kerjasama.approval.ApprovalProcess.TASK_CONSULT_KEMLU;
import static id.go.kerjasama.approval.ApprovalProcess.TASK_DECIDE_CENTRAL_APPROVAL;
import static id.go.kerjasama.approval.ApprovalProcess.TASK_DRAFT_COOPERATION_PLAN;
import static id.go.kerjasama.approval.ApprovalProcess.TASK_DRAFT_MOU;
import static id.go.kerjasama.approval.ApprovalProcess.TASK_RECORD_DPRD_APPROVAL;
import static id.go.kerjasama.approval.ApprovalProcess.TASK_RECORD_LOI;
import static id.go.kerjasama.approval.ApprovalProcess.TASK_RECORD_MINISTER_APPROVAL;
import static id.go.kerjasama.approval.ApprovalProcess.TASK_REVIEW_BY_FASKER;
import static id.go.kerjasama.approval.ApprovalProcess.TASK_REVIEW_BY_PROVINCE;
import static id.go.kerjasama.approval.ApprovalProcess.TASK_REVIEW_BY_TKKSD;
import static id.go.kerjasama.approval.ApprovalProcess.TASK_REVIEW_MOU_DRAFT;
import static id.go.kerjasama.approval.ApprovalProcess.TASK_REVISE_PROPOSAL;
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
import id.go.kerjasama.registry.DocumentKind;
import id.go.kerjasama.registry.Status;
import id.go.kerjasama.signing.SigningTestData;
import id.go.kerjasama.signing.SigningWalk;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A region's foreign cooperation as GR 28/2018 and Home Affairs Reg. 25/2020
 * lay it down (KSDPL with a foreign regional government, KSDLL with a foreign
 * institution): TKKSD, province for a regency/city, LoI recorded first, the
 * cooperation plan, the DPRD, Kemlu's consideration, Kemendagri's
 * verification by the right Fasker division, the MoU draft discussed, the
 * Minister's approval, then Kemlu's Full Power before the MoU is signed.
 * Kemendagri's own foreign technical cooperation (a ministry proposer).
 * Provinces 15, 16, 17 and their regencies/cities.
 */
@ProcessTest
class ApprovalForeignRegionalProcessTest extends ApprovalTestSupport {

  @Autowired
  DocumentService documents;

  ProcessInstance propose(String type, String proposer, String partner, String... locations) {
    Map<String, Object> form = proposal(type, proposer, locations);
    form.put(LifecycleProcess.FIELD_PARTNER_NAME, partner);
    form.put(LifecycleProcess.FIELD_COOPERATION_NATURE, "SUKARELA");
    form.put(LifecycleProcess.FIELD_GOVERNMENT_AFFAIR, "Pariwisata");
    return submit(proposer, form);
  }

  ApprovalWalk documentWalk() {
    return new ApprovalWalk(processEngine, this::complete, documents);
  }

  /** Approves every task until the one with {@code taskKey} is open. */
  void approveUntil(ProcessInstance pi, String taskKey) {
    for (int i = 0; i < 20 && !openTaskKeys(pi).contains(taskKey); i++) {
      Task task = documentWalk().openTasks(pi.getBusinessKey()).get(0);
      String group = documentWalk().candidateGroup(task);
      DocumentKind kind = ApprovalWalk.DOCUMENT_OF_TASK.get(task.getTaskDefinitionKey());
      if (kind != null) {
        upload(pi, kind, group);
      }
      complete(group, task, ApprovalWalk.approving(task.getTaskDefinitionKey()));
    }
    assertThat(openTaskKeys(pi)).containsExactly(taskKey);
  }

  void upload(ProcessInstance pi, DocumentKind kind, String group) {
    documents.upload(agreementId(pi), kind, kind.name().toLowerCase() + ".pdf",
        SigningTestData.pdf(pi.getBusinessKey() + kind + System.nanoTime()), "t-" + group);
  }

  @Test
  void aProvincesCooperationWithAForeignRegionFollowsTheRegulationsOrderToItsMou() {
    ProcessInstance pi = propose("KSDPL", "province-15", "Prefektur Shizuoka", "15");
    assertThat(agreementOf(pi).registrationNumber()).matches("KS-PL-2026-\\d{6}");

    // the LoI is recorded and uploaded first, before anyone reviews the plan
    decide(pi, TASK_REVIEW_BY_TKKSD, "tkksd-province-15",
        withChecklist(decision("APPROVED", null), TASK_REVIEW_BY_TKKSD));
    Task loi = task(pi, TASK_RECORD_LOI, "province-15");
    Map<String, Object> loiValues = ApprovalWalk.approving(TASK_RECORD_LOI);
    assertThatThrownBy(() -> complete("province-15", loi, loiValues))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("Dokumen Letter of Intent (LoI)");
    upload(pi, DocumentKind.LOI, "province-15");
    complete("province-15", task(pi, TASK_RECORD_LOI, "province-15"), loiValues);
    assertThat(agreementOf(pi).documentKind()).isEqualTo("LOI");
    assertThat(agreementOf(pi).status()).isEqualTo(Status.IN_REVIEW);

    List<ApprovalWalk.Step> rest = documentWalk().approve(pi.getBusinessKey());
    assertThat(rest).containsExactly(
        new ApprovalWalk.Step(TASK_DRAFT_COOPERATION_PLAN, "province-15"),
        new ApprovalWalk.Step(TASK_RECORD_DPRD_APPROVAL, "province-15"),
        new ApprovalWalk.Step(TASK_CONSULT_KEMLU, "ministry-kemlu"),
        new ApprovalWalk.Step(TASK_REVIEW_BY_FASKER, "fasker"),
        new ApprovalWalk.Step(TASK_DRAFT_MOU, "province-15"),
        new ApprovalWalk.Step(TASK_REVIEW_MOU_DRAFT, "fasker"),
        new ApprovalWalk.Step(TASK_RECORD_MINISTER_APPROVAL, "fasker"));
    assertThat(agreementOf(pi).status()).isEqualTo(Status.APPROVED);
    // the DPRD is always asked for foreign cooperation; Fasker's verification was offered to its KAN division
    assertThat(records.dprdApprovals(agreementId(pi))).extracting(DprdApproval::regionGroup)
        .containsExactly("province-15");
    assertThat(candidateGroupsOfDoneTask(pi, TASK_REVIEW_BY_FASKER)).contains("fasker", "fasker-kan");

    // Kemlu's Full Power, then the MoU
    Task fullPower = openTask(pi.getBusinessKey(), "UserTask_RecordFullPower");
    assertThat(fullPower).hasCandidateGroup("ministry-kemlu");
    assertThat(new SigningWalk(processEngine, documents, this::complete)
        .sign(pi.getBusinessKey(), "MOU-15/2026", today(), today().plusMonths(1), today().plusMonths(25)))
        .extracting(SigningWalk.Step::taskKey, SigningWalk.Step::group)
        .containsExactly(tuple("UserTask_RecordFullPower", "ministry-kemlu"),
            tuple("UserTask_RecordMouSigning", "province-15"));
    Agreement signed = agreementOf(pi);
    assertThat(signed.status()).isEqualTo(Status.ACTIVE);
    assertThat(signed.documentKind()).isEqualTo("MOU");
  }

  @Test
  void aRegencysCooperationWithAForeignInstitutionIsVerifiedByOilaAndAFailedVerificationReturnsIt() {
    ProcessInstance pi = propose("KSDLL", "regency-1771", "Japan International Cooperation Agency", "17");
    approveUntil(pi, TASK_REVIEW_BY_FASKER);
    assertThat(timeline(pi)).extracting(AgreementEvent::activity).containsSubsequence(TASK_REVIEW_BY_TKKSD,
        TASK_REVIEW_BY_PROVINCE, TASK_RECORD_LOI, TASK_DRAFT_COOPERATION_PLAN, TASK_RECORD_DPRD_APPROVAL,
        TASK_CONSULT_KEMLU);
    Task verification = task(pi, TASK_REVIEW_BY_FASKER, "fasker");
    assertThat(walk().candidateGroups(verification)).containsExactlyInAnyOrder("fasker", "fasker-oila");

    Map<String, Object> failed = decision("RETURNED", "Rencana kerja sama belum memuat sumber pembiayaan");
    failed.put("conditionsChecked", List.of("DIPLOMATIC_RELATIONS", "REGIONAL_COMPETENCE", "PLAN_FIT"));
    failed.put("checklistNotes", "Pembiayaan dari APBD tidak disebutkan");
    complete("fasker", verification, failed);
    assertThat(openTaskKeys(pi)).containsExactly(TASK_REVISE_PROPOSAL);
    complete("regency-1771", task(pi, TASK_REVISE_PROPOSAL, "regency-1771"),
        decision(null, "Sumber pembiayaan ditambahkan pada rencana kerja sama"));
    // routed again from its start, without recording the LoI again
    assertThat(openTaskKeys(pi)).containsExactly(TASK_REVIEW_BY_TKKSD);
    approveUntil(pi, TASK_DRAFT_COOPERATION_PLAN);
    assertThat(timeline(pi)).filteredOn(e -> TASK_RECORD_LOI.equals(e.activity())).hasSize(1);
  }

  @Test
  void theMouDraftIsRevisedUntilAgreedAndTheMinisterMayRefuse() {
    ProcessInstance pi = propose("KSDPL", "regency-1601", "Kota Kagoshima", "16");
    approveUntil(pi, TASK_REVIEW_MOU_DRAFT);
    decide(pi, TASK_REVIEW_MOU_DRAFT, "fasker", "RETURNED", "Pasal penyelesaian sengketa disesuaikan dengan Kemlu");
    assertThat(openTaskKeys(pi)).containsExactly(TASK_DRAFT_MOU);
    approveUntil(pi, TASK_RECORD_MINISTER_APPROVAL);

    Task minister = task(pi, TASK_RECORD_MINISTER_APPROVAL, "fasker");
    assertThatThrownBy(() -> complete("fasker", minister, decision("APPROVED", null)))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("belum dicentang");
    decide(pi, TASK_RECORD_MINISTER_APPROVAL, "fasker", "REFUSED",
        "Surat Menteri Dalam Negeri nomor 100.4/123/SJ: kerja sama sejenis sudah berjalan");
    assertThat(pi).isEnded().hasPassed(LifecycleProcess.END_NOT_APPROVED);
    assertThat(agreementOf(pi).statusReason()).isEqualTo("Menteri Dalam Negeri tidak memberikan persetujuan: Surat"
        + " Menteri Dalam Negeri nomor 100.4/123/SJ: kerja sama sejenis sudah berjalan");
  }

  @Test
  void theMinisterMayReturnTheProposal() {
    ProcessInstance pi = propose("KSDLL", "province-16", "Deutsche Gesellschaft fuer Internationale Zusammenarbeit",
        "16");
    approveUntil(pi, TASK_RECORD_MINISTER_APPROVAL);
    decide(pi, TASK_RECORD_MINISTER_APPROVAL, "fasker", "RETURNED", "Lampirkan kajian manfaat bagi daerah");
    assertThat(openTaskKeys(pi)).containsExactly(TASK_REVISE_PROPOSAL);
  }

  @Test
  void anMouBeforeKemlusFullPowerIsRefusedSayingWhatComesFirst() {
    ProcessInstance pi = propose("KSDPL", "province-17", "Provinsi Gyeonggi", "17");
    documentWalk().approve(pi.getBusinessKey());
    // an administrator moved the signing past the Full Power
    String signing = processEngine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceBusinessKey(pi.getBusinessKey()).processDefinitionKey("agreement-signing")
        .singleResult().getId();
    processEngine.getRuntimeService().createProcessInstanceModification(signing)
        .startBeforeActivity("UserTask_RecordMouSigning")
        .cancelAllForActivity("UserTask_RecordFullPower")
        .execute();
    Task mou = openTask(pi.getBusinessKey(), "UserTask_RecordMouSigning");
    upload(pi, DocumentKind.MOU, "province-17");
    Map<String, Object> values = new HashMap<>();
    values.put("documentNumber", "MOU-17/2026");
    values.put("signatories", "Gubernur Bengkulu, Gubernur Gyeonggi");
    values.put("signedOn", today().toString());
    values.put("startDate", today().plusMonths(1).toString());
    values.put("endDate", today().plusMonths(25).toString());
    assertThatThrownBy(() -> complete("province-17", mou, values))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("MoU belum dapat ditandatangani: Surat Kuasa (Full Power) dari Kementerian Luar Negeri"
            + " untuk kepala daerah harus terbit lebih dahulu");
    assertThat(agreementOf(pi).documentKind()).isEqualTo("LOI");
  }

  @Test
  void kemendagrisOwnForeignTechnicalCooperationIsVerifiedByOilaAndDecidedByFasker() {
    Map<String, Object> form = proposal("LUAR_NEGERI", "ministry-kemendagri-bangda", "15", "16");
    form.put(LifecycleProcess.FIELD_PARTNER_NAME, "Japan International Cooperation Agency (JICA)");
    ProcessInstance pi = submit("ministry-kemendagri-bangda", form);
    assertThat(documentWalk().approve(pi.getBusinessKey())).containsExactly(
        new ApprovalWalk.Step(TASK_CONSULT_KEMLU, "ministry-kemlu"),
        new ApprovalWalk.Step(TASK_REVIEW_BY_FASKER, "fasker"),
        new ApprovalWalk.Step(TASK_DECIDE_CENTRAL_APPROVAL, "fasker"));
    assertThat(agreementOf(pi).status()).isEqualTo(Status.APPROVED);
    assertThat(candidateGroupsOfDoneTask(pi, TASK_REVIEW_BY_FASKER)).contains("fasker", "fasker-oila");
    assertThat(candidateGroupsOfDoneTask(pi, TASK_DECIDE_CENTRAL_APPROVAL)).contains("fasker", "fasker-oila");
    assertThat(openTask(pi.getBusinessKey(), "UserTask_RecordLoiSigning"))
        .hasCandidateGroup("ministry-kemendagri-bangda");
  }

  /** The candidate groups a completed task of the agreement had. */
  List<String> candidateGroupsOfDoneTask(ProcessInstance pi, String taskKey) {
    return processEngine.getHistoryService().createHistoricTaskInstanceQuery()
        .processInstanceBusinessKey(pi.getBusinessKey()).taskDefinitionKey(taskKey).list().stream()
        .flatMap(t -> processEngine.getHistoryService().createHistoricIdentityLinkLogQuery().taskId(t.getId())
            .list().stream())
        .map(l -> l.getGroupId()).filter(java.util.Objects::nonNull).distinct().toList();
  }

  Map<String, Object> withChecklist(Map<String, Object> values, String taskKey) {
    values.put("conditionsChecked", ApprovalWalk.CHECKLIST_OF_TASK.get(taskKey));
    return values;
  }
}
