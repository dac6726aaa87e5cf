package id.go.kerjasama.signing;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Service levels of the signing phase ({@code kerjasama.signing.*}); read by
 * processes/agreement-signing.bpmn, e.g.
 * {@code ${workingDayCalendar.dueIn(signingSettings.loiFollowUpWorkingDays)}}.
 */
@Component
public class SigningSettings {

  private final int loiFollowUpWorkingDays;
  private final int fullPowerWorkingDays;
  private final int partnerCoSignWorkingDays;
  private final int pksMaxYears;
  private volatile boolean notaKesepakatanFollowedByPks;
  private volatile boolean notaKesepakatanPartnerCoSigns;

  public SigningSettings(@Value("${kerjasama.signing.loi-follow-up-working-days:60}") int loiFollowUpWorkingDays,
                         @Value("${kerjasama.signing.full-power-working-days:10}") int fullPowerWorkingDays,
                         @Value("${kerjasama.signing.pks-max-years:5}") int pksMaxYears,
                         @Value("${kerjasama.signing.nota-kesepakatan-followed-by-pks:false}")
                         boolean notaKesepakatanFollowedByPks,
                         @Value("${kerjasama.signing.nota-kesepakatan-partner-co-signs:true}")
                         boolean notaKesepakatanPartnerCoSigns,
                         @Value("${kerjasama.signing.partner-co-sign-working-days:5}") int partnerCoSignWorkingDays) {
    if (pksMaxYears < 1) {
      throw new IllegalStateException("kerjasama.signing.pks-max-years must be at least 1, is " + pksMaxYears);
    }
    if (partnerCoSignWorkingDays < 1) {
      throw new IllegalStateException("kerjasama.signing.partner-co-sign-working-days must be at least 1, is "
          + partnerCoSignWorkingDays);
    }
    this.partnerCoSignWorkingDays = partnerCoSignWorkingDays;
    this.loiFollowUpWorkingDays = loiFollowUpWorkingDays;
    this.fullPowerWorkingDays = fullPowerWorkingDays;
    this.pksMaxYears = pksMaxYears;
    this.notaKesepakatanFollowedByPks = notaKesepakatanFollowedByPks;
    this.notaKesepakatanPartnerCoSigns = notaKesepakatanPartnerCoSigns;
  }

  /**
   * Whether a Perjanjian Kerja Sama follows a region–ministry Nota Kesepakatan (default false: GR 28/2018
   * art. 46 names the Nota Kesepakatan with its action plan; a PKS between central and regional government is
   * not known any more per Kota Yogyakarta's guide). Assumption A29 (docs/regulations.md); read by
   * Gateway_PksAfterNotaKesepakatan.
   */
  public boolean isNotaKesepakatanFollowedByPks() {
    return notaKesepakatanFollowedByPks;
  }

  /**
   * Whether the partner of a Nota Kesepakatan (the ministry of a region, the region of a ministry) co-signs it
   * in its own task, UserTask_ConfirmNotaKesepakatanPartner, and the agreement is in force only after that
   * (default true); false: the proposer records both signatures and its record puts the agreement in force.
   * Assumption A32 (docs/regulations.md); read by Gateway_NotaKesepakatanPartnerSigns.
   */
  public boolean isNotaKesepakatanPartnerCoSigns() {
    return notaKesepakatanPartnerCoSigns;
  }

  /** For tests and an administrator's change at run time (the property stays the default after a restart). */
  public void setNotaKesepakatanPartnerCoSigns(boolean coSigns) {
    this.notaKesepakatanPartnerCoSigns = coSigns;
  }

  /** For tests and an administrator's change at run time (the property stays the default after a restart). */
  public void setNotaKesepakatanFollowedByPks(boolean followedByPks) {
    this.notaKesepakatanFollowedByPks = followedByPks;
  }

  /**
   * The longest term of a Perjanjian Kerja Sama, in years (default 5). Written in
   * domain sources for Home Affairs Reg. 22/2020, but no article text was seen
   * (docs/regulations.md): an assumption the ministry's legal team confirms.
   */
  public int getPksMaxYears() {
    return pksMaxYears;
  }

  /** Working days Kemlu has to issue the Full Power for a region's MoU (no regulation fixes it: an assumption). */
  public int getFullPowerWorkingDays() {
    return fullPowerWorkingDays;
  }

  /**
   * Working days the partner has to co-sign the document the proposer recorded (the due date of
   * UserTask_ConfirmNotaKesepakatanPartner and UserTask_ConfirmPksPartner; default 5, as the partner region's
   * KB co-signature, kerjasama.approval.due.confirm-kb-partner). No regulation fixes it: part of assumption A32.
   */
  public int getPartnerCoSignWorkingDays() {
    return partnerCoSignWorkingDays;
  }

  /** Working days a region has to raise a signed LoI to an MoU (the follow-up task's due date). */
  public int getLoiFollowUpWorkingDays() {
    return loiFollowUpWorkingDays;
  }
}
