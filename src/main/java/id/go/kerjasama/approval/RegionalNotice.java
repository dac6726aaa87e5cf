package id.go.kerjasama.approval;

import id.go.kerjasama.platform.identity.Groups;
import id.go.kerjasama.platform.identity.Organisations;
import id.go.kerjasama.platform.identity.Unit;
import id.go.kerjasama.platform.notification.Message;
import id.go.kerjasama.platform.notification.NotificationKind;
import id.go.kerjasama.platform.notification.Notifier;
import id.go.kerjasama.registry.Agreement;
import id.go.kerjasama.registry.AgreementService;
import id.go.kerjasama.registry.Phase;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * ServiceTask_InformCentral of a region's domestic cooperation (KSDD, KSDPK):
 * no central approval, but Kemendagri (Fasker's domestic division, which
 * reads every cooperation) and the province of a regency/city are informed
 * by mail, and the notice is in the timeline. The province also sees the
 * cooperation (AgreementVisibility: it is one of the involved groups).
 */
@Component
public class RegionalNotice {

  private final AgreementService agreementService;
  private final Notifier notifier;
  private final Organisations organisations;

  public RegionalNotice(AgreementService agreementService, Notifier notifier, Organisations organisations) {
    this.agreementService = agreementService;
    this.notifier = notifier;
    this.organisations = organisations;
  }

  public void inform(DelegateExecution execution) {
    Agreement agreement = agreementService.get(Actor.agreementId(execution));
    Object division = execution.getVariable(ApprovalProcess.FASKER_GROUP);
    Set<String> groups = new LinkedHashSet<>();
    groups.add(division == null ? Groups.FASKER_KDN : division.toString());
    if (agreement.proposerProvince() != null && !agreement.proposerProvince().equals(agreement.proposerUnit())) {
      groups.add(agreement.proposerProvince());
    }
    if (agreement.partnerRegion() != null) {
      organisations.find(agreement.partnerRegion()).map(Unit::provinceGroup)
          .filter(p -> !p.equals(agreement.partnerRegion()))
          .ifPresent(groups::add);
    }
    List<String> names = new ArrayList<>();
    groups.forEach(g -> names.add(organisations.find(g).map(Unit::name).orElse(g)));
    String body = "Pemerintah daerah berikut telah menandatangani Kesepakatan Bersama kerja sama daerah"
        + " (tanpa persetujuan pusat, PP 28/2018) dan melanjutkan ke Perjanjian Kerja Sama:\n\n"
        + "Kerja sama  : " + agreement.registrationNumber() + " - " + agreement.title() + "\n"
        + "Jenis       : " + agreement.type().label() + "\n"
        + "Pengusul    : " + organisations.find(agreement.proposerUnit()).map(Unit::name).orElse(agreement.proposerUnit())
        + "\n"
        + "Mitra       : " + agreement.partnerName() + "\n"
        + (agreement.governmentAffair() == null ? "" : "Urusan      : " + agreement.governmentAffair() + "\n")
        + "\nPemberitahuan ini untuk diketahui; laporan pelaksanaan tetap disampaikan sesuai jadwal.";
    notifier.send(new Message(NotificationKind.INFORMATION,
            "Pemberitahuan kerja sama daerah: " + agreement.title() + " (" + agreement.registrationNumber() + ")",
            body, agreement.registrationNumber(), null,
            "INFORMED:" + agreement.id() + ":" + agreement.term()),
        groups, List.of());
    agreementService.recordEvent(agreement.id(), null, Phase.CENTRAL_APPROVAL, execution.getCurrentActivityId(),
        execution.getCurrentActivityName(), "INFORMED", "Diberitahukan kepada " + String.join(", ", names));
  }
}
