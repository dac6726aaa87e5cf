package id.go.kerjasama.ngo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import id.go.kerjasama.ProcessTest;
import id.go.kerjasama.approval.ApprovalProcess;
import id.go.kerjasama.lifecycle.LifecycleProcess;
import id.go.kerjasama.platform.web.ForbiddenException;
import id.go.kerjasama.platform.web.InvalidInputException;
import id.go.kerjasama.platform.web.NotFoundException;
import id.go.kerjasama.registry.Agreement;
import id.go.kerjasama.registry.AgreementAccess;
import id.go.kerjasama.registry.AgreementEvent;
import id.go.kerjasama.registry.AgreementQuery;
import id.go.kerjasama.registry.AgreementSearch;
import id.go.kerjasama.registry.AgreementSummary;
import id.go.kerjasama.registry.Phase;
import id.go.kerjasama.registry.PrinciplePermits;
import id.go.kerjasama.registry.Status;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A foreign NGO's cooperations: the first one runs the TPOA round and gives
 * the NGO its principle permit, its MSP the operational permit; a second one
 * reuses the permit in force; a suspended NGO's MSP gets no operational
 * permit; and nobody outside sees an NGO's register entry or cooperation.
 */
@ProcessTest
class NgoCooperationProcessTest extends NgoTestSupport {

  @Autowired
  NgoController api;
  @Autowired
  AgreementSearch search;
  @Autowired
  AgreementAccess agreementAccess;
  @Autowired
  PrinciplePermits principlePermits;

  @Test
  void firstApplicationGivesTheNgoItsPrinciplePermitThenTheMspItsOperationalPermit() {
    Ngo ngo = newNgo("Hilfswerk Uji Pertama");
    assertThat(ngo.status()).isEqualTo(NgoStatus.REGISTERED);
    assertThat(processEngine.getIdentityService().createGroupQuery().groupId(ngo.groupId()).singleResult().getType())
        .isEqualTo("NGO");

    ProcessInstance pi = propose(ngo);
    Agreement agreement = agreementOf(pi);
    assertThat(agreement.ngoGroup()).isEqualTo(ngo.groupId());
    // the register's name and country, not what the ministry typed
    assertThat(agreement.partnerName()).isEqualTo("Hilfswerk Uji Pertama");
    assertThat(agreement.partnerCountry()).isEqualTo("Jerman");

    LocalDate validUntil = today().plusYears(3);
    approveWithTpoa(pi, validUntil);
    assertThat(agreementOf(pi).status()).isEqualTo(Status.APPROVED);
    assertThat(pi).isWaitingAt(LifecycleProcess.CALL_SIGNING);
    NgoPermit principle = principle(ngo);
    assertThat(principle).extracting(NgoPermit::kind, NgoPermit::state, NgoPermit::validUntil, NgoPermit::agreementId,
        NgoPermit::issuedBy).containsExactly(NgoPermit.PRINCIPLE, NgoPermit.ACTIVE, validUntil, agreement.id(),
        "t-tpoa-kemlu");
    assertThat(reload(ngo).status()).isEqualTo(NgoStatus.LICENSED);

    prepareMsp(pi);
    // an MSP may not outlive the NGO's principle permit
    assertThatThrownBy(() -> recordMsp(pi, validUntil.plusDays(1))).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("melewati masa berlaku izin prinsip");
    recordMsp(pi, today().plusMonths(30));
    // the Mitra Utama decides the operational permit (NgoOperationalPermitProcessTest covers both outcomes)
    complete(MINISTRY, task(pi, NgoPermitProcess.TASK_DECIDE_OPERATIONAL), decision("GRANTED", null));

    List<NgoPermit> all = permits.permits(ngo.id());
    assertThat(all).extracting(NgoPermit::kind, NgoPermit::agreementId, NgoPermit::validUntil)
        .containsExactly(tuple(NgoPermit.PRINCIPLE, agreement.id(), validUntil),
            tuple(NgoPermit.OPERATIONAL, agreement.id(), today().plusMonths(30)));
    assertThat(all).extracting(NgoPermit::state).containsExactly(NgoPermit.ACTIVE, NgoPermit.ACTIVE);
    assertThat(eventActivities(ngo)).containsSubsequence("Ngo_Registered", "Permit_PrincipleGranted",
        "Permit_OperationalRequested", "Permit_OperationalGranted");

    // the NGO's own staff read it all in the register
    actAsUser(ngo.groupId());
    NgoController.NgoView view = api.get(ngo.id());
    assertThat(view.permits()).hasSize(2);
    assertThat(view.cooperations()).extracting(NgoController.Cooperation::registrationNumber)
        .containsExactly(pi.getBusinessKey());
    assertThat(view.cooperations().get(0).status()).isEqualTo("ACTIVE");
  }

  @Test
  void aSecondCooperationOfALicensedNgoReusesItsPermitWithoutANewTpoaRound() {
    Ngo ngo = newNgo("Stichting Uji Kedua");
    ProcessInstance first = propose(ngo);
    LocalDate validUntil = today().plusMonths(30);
    approveWithTpoa(first, validUntil);

    ProcessInstance second = propose(ngo);
    complete(MINISTRY, task(second, ApprovalProcess.TASK_CHECK_FILE_COMPLETE), decision("COMPLETE", null));
    assertThat(tasks(second, ApprovalProcess.TASK_RECOMMEND_PERMIT)).isEmpty();
    assertThat(second).isWaitingAt(LifecycleProcess.CALL_SIGNING);
    Agreement approved = agreementOf(second);
    assertThat(approved.status()).isEqualTo(Status.APPROVED);
    List<AgreementEvent> timeline = agreements.events(approved.id());
    assertThat(timeline).filteredOn(e -> e.activity().equals("ServiceTask_ReusePrinciplePermit"))
        .extracting(AgreementEvent::outcome, AgreementEvent::notes)
        .containsExactly(tuple("PERMIT_REUSED", "Izin prinsip ormas asing berlaku sampai " + validUntil
            + "; tanpa putaran TPOA baru"), tuple("APPROVED", "Izin prinsip berlaku sampai " + validUntil));
    assertThat(timeline).extracting(AgreementEvent::activity).doesNotContain(ApprovalProcess.TASK_RECOMMEND_PERMIT);
    // one principle permit for both cooperations; the second's MSP is held to it
    assertThat(permits.permits(ngo.id())).filteredOn(p -> p.kind().equals(NgoPermit.PRINCIPLE)).hasSize(1);
    assertThat(principlePermits.validUntil(approved.id())).contains(validUntil);
    prepareMsp(second);
    assertThatThrownBy(() -> recordMsp(second, validUntil.plusMonths(1)))
        .hasMessageContaining("melewati masa berlaku izin prinsip");
    recordMsp(second, validUntil);
    assertThat(permits.permits(ngo.id())).filteredOn(p -> p.kind().equals(NgoPermit.OPERATIONAL))
        .extracting(NgoPermit::agreementId, NgoPermit::validUntil).containsExactly(tuple(approved.id(), validUntil));
  }

  @Test
  void anNgoWhosePermitIsSuspendedGetsNoOperationalPermit() {
    Ngo ngo = newNgo("Uji Pembekuan Relief");
    ProcessInstance pi = propose(ngo);
    approveWithTpoa(pi, today().plusYears(2));
    prepareMsp(pi);
    // the permit is suspended while the MSP is being signed
    start(NgoPermitProcess.SANCTION_PROCESS_KEY, COORDINATOR, values("ngo", ngo.groupId(), "kind", "WARNING_1",
        "reason", "Laporan tahunan tidak disampaikan"));
    start(NgoPermitProcess.SANCTION_PROCESS_KEY, COORDINATOR, values("ngo", ngo.groupId(), "kind", "SUSPENSION",
        "reason", "Kegiatan di luar lokasi yang diizinkan", "suspendedUntil", today().plusMonths(2).toString()));

    // the suspension paused the cooperation (kerjasama.ngo.suspension-pauses-cooperations): its MSP cannot be
    // recorded at all; the signing's own refusal (below, without the pause) is the second line of defence
    assertThatThrownBy(() -> recordMsp(pi, today().plusYears(1)))
        .isInstanceOf(org.camunda.bpm.engine.SuspendedEntityInteractionException.class);
    assertThat(permits.operationalPermitProblems(ngo.groupId())).containsExactly("Izin operasional tidak dapat "
        + "diberikan: izin prinsip Uji Pembekuan Relief sedang dibekukan sementara");
    assertThat(permits.permits(ngo.id())).noneMatch(p -> p.kind().equals(NgoPermit.OPERATIONAL));
    assertThat(agreementOf(pi).documentKind()).isNull();
    // and no new cooperation can be proposed for it
    assertThatThrownBy(() -> propose(ngo)).isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("kerja sama baru tidak dapat diusulkan");
  }

  @Test
  void anotherNgoAndAProvinceSeeNothingOfAnNgo() {
    Ngo ngo = newNgo("Uji Kerahasiaan Foundation");
    Ngo other = newNgo("Uji Ormas Lain");
    ProcessInstance pi = propose(ngo);
    Agreement agreement = agreementOf(pi);

    // the other NGO's staff: no register entry (404 as if unknown), no list, no cooperation
    actAsUser(other.groupId());
    assertThatThrownBy(() -> api.get(ngo.id())).isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> api.list()).isInstanceOf(ForbiddenException.class);
    assertThatThrownBy(() -> agreementAccess.checkRead(agreement)).isInstanceOf(ForbiddenException.class);
    assertThat(searchAs(other.groupId(), null)).isEmpty();
    assertThat(processEngine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(
        pi.getBusinessKey()).count()).isZero();
    assertThat(processEngine.getTaskService().createTaskQuery().processInstanceBusinessKey(pi.getBusinessKey())
        .count()).isZero();
    // nor may it apply for a permit in the NGO's name
    assertThatThrownBy(() -> start(NgoPermitProcess.PROCESS_KEY, other.groupId(),
        values("ngo", ngo.groupId(), "request", "NEW")))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("Anda bukan staf ormas asing");
    // nor register its foreign staff
    actAsUser(other.groupId());
    assertThatThrownBy(() -> api.addStaff(ngo.id(), Map.of())).isInstanceOf(NotFoundException.class);

    // a province where the cooperation does not take place (65): nothing
    actAsUser(OTHER_PROVINCE);
    assertThatThrownBy(() -> api.get(ngo.id())).isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> api.list()).isInstanceOf(ForbiddenException.class);
    assertThat(searchAs(OTHER_PROVINCE, ngo.groupId())).isEmpty();
    assertThat(processEngine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(
        pi.getBusinessKey()).count()).isZero();

    // the NGO's own staff see its cooperation, in the search filtered by NGO too, and its instance
    actAsUser(ngo.groupId());
    agreementAccess.checkRead(agreement);
    assertThat(searchAs(ngo.groupId(), ngo.groupId())).extracting(AgreementSummary::registrationNumber)
        .containsExactly(pi.getBusinessKey());
    assertThat(processEngine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(
        pi.getBusinessKey()).count()).isPositive();
    actAsSystem();
    // Fasker filters the registry by NGO
    assertThat(search.page(byNgo(other.groupId()), null, 0, 20).items()).isEmpty();
    assertThat(search.page(byNgo(ngo.groupId()), null, 0, 20).items()).extracting(AgreementSummary::id)
        .containsExactly(agreement.id());
  }

  @Test
  void badRegistrationsAndStaffAreRefusedWithMessages() {
    actAsUser("fasker");
    assertThatThrownBy(() -> api.register(Map.of("code", "Bad Code!", "name", "X"))).isInstanceOf(
        InvalidInputException.class).satisfies(e -> assertThat(((InvalidInputException) e).problems())
        .contains("Negara asal wajib diisi", "Kode ormas asing hanya huruf kecil, angka dan tanda hubung, mis. "
            + "save-the-children"));
    actAsUser(PROVINCE);
    assertThatThrownBy(() -> api.register(Map.of())).isInstanceOf(ForbiddenException.class);

    Ngo ngo = newNgo("Uji Tenaga Asing");
    actAsUser(ngo.groupId());
    assertThatThrownBy(() -> api.addStaff(ngo.id(), values("name", "Jane Doe", "nationality", "Inggris",
        "passportNumber", "P1234567", "position", "Country Director", "stayPermitNumber", "KITAS-2026-1",
        "periodStart", today().toString(), "periodEnd", today().minusDays(1).toString())))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("Akhir penugasan harus sesudah");
    NgoStaff staff = api.addStaff(ngo.id(), values("name", "Jane Doe", "nationality", "Inggris",
        "passportNumber", "P1234567", "position", "Country Director", "stayPermitNumber", "KITAS-2026-1",
        "periodStart", today().toString(), "periodEnd", today().plusYears(1).toString()));
    assertThat(staff.recordedBy()).isEqualTo("t-" + ngo.groupId());
    assertThat(api.get(ngo.id()).staff()).extracting(NgoStaff::name).containsExactly("Jane Doe");
    // at most 5 years per assignment and 3 foreign staff at a time (PP 59/2016 art. 25 as reported; configurable)
    assertThatThrownBy(() -> api.addStaff(ngo.id(), staff("John Roe", today().plusYears(5).plusDays(1))))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("paling lama 5 tahun");
    api.addStaff(ngo.id(), staff("Ann Two", today().plusYears(2)));
    api.addStaff(ngo.id(), staff("Bob Three", today().plusYears(2)));
    assertThatThrownBy(() -> api.addStaff(ngo.id(), staff("Cy Four", today().plusYears(1))))
        .isInstanceOf(InvalidInputException.class).hasMessageContaining("paling banyak 3 orang");
    actAsUser(MINISTRY);
    assertThatThrownBy(() -> api.addStaff(ngo.id(), Map.of())).isInstanceOf(ForbiddenException.class);
    assertThat(api.list()).extracting(NgoController.NgoSummary::groupId).contains(ngo.groupId());
  }

  private Map<String, Object> staff(String name, LocalDate end) {
    return values("name", name, "nationality", "Kanada", "passportNumber", "C7654321", "position", "Adviser",
        "stayPermitNumber", "KITAS-" + name.hashCode(), "periodStart", today().toString(), "periodEnd", end.toString());
  }

  private List<AgreementSummary> searchAs(String group, String ngoGroup) {
    return search.page(byNgo(ngoGroup), List.of(group), 0, 50).items().stream()
        .filter(a -> a.registrationNumber().startsWith("KS-OA")).toList();
  }

  private static AgreementQuery byNgo(String ngoGroup) {
    return new AgreementQuery(null, null, null, null, null, null, null, null, null, null, null, null, null, null,
        ngoGroup);
  }
}
