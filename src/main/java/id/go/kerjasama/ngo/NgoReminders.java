package id.go.kerjasama.ngo;

import id.go.kerjasama.platform.notification.MailTexts;
import id.go.kerjasama.platform.notification.Message;
import id.go.kerjasama.platform.notification.NotificationKind;
import id.go.kerjasama.platform.notification.Notifier;
import id.go.kerjasama.platform.time.BusinessClock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The NGO's reminders (processes/ngo-reminders.bpmn, every morning): a mail
 * to the NGO's staff when a permit of the NGO or a foreign staff member's
 * stay ends within {@code kerjasama.ngo.reminder-days}. Each reminder is one
 * event (its key names the permit or staff member and the end day), so the
 * daily run mails it once; a renewal that moves the end day reminds again
 * when the new end comes near.
 */
@Component
public class NgoReminders {

  private final NgoRepository repository;
  private final NgoRegistry registry;
  private final NgoProperties properties;
  private final Notifier notifier;

  NgoReminders(NgoRepository repository, NgoRegistry registry, NgoProperties properties, Notifier notifier) {
    this.repository = repository;
    this.registry = registry;
    this.properties = properties;
    this.notifier = notifier;
  }

  /** Queues the reminders now due; returns how many events were new or already queued. */
  public int sendDue() {
    LocalDate today = BusinessClock.today();
    LocalDate until = today.plusDays(properties.reminderDays());
    int count = 0;
    for (NgoPermit permit : repository.permitsEndingBetween(today, until)) {
      Ngo ngo = registry.get(permit.ngoId());
      boolean principle = NgoPermit.PRINCIPLE.equals(permit.kind());
      String what = principle ? "Izin prinsip" : "Izin operasional (kerja sama " + permit.agreementId() + ")";
      String body = what + " " + ngo.name() + " berakhir pada " + MailTexts.date(permit.validUntil()) + ".\n\n"
          + (principle ? "Perpanjangan diajukan paling lambat " + properties.renewalLeadMonths()
              + " bulan sebelum izin berakhir, melalui Tasklist (Izin prinsip ormas asing, jenis Perpanjangan):\n"
              : "Izin operasional tidak melampaui izin prinsip; bicarakan perpanjangan kerja sama dengan "
                  + "kementerian mitra utama.\n")
          + MailTexts.tasklistLink(notifier.properties().baseUrl());
      notifier.send(new Message(NotificationKind.REMINDER, "Pengingat: " + what + " " + ngo.name() + " berakhir "
          + MailTexts.date(permit.validUntil()), body, null, null,
          "NGO_PERMIT_DUE:" + permit.id() + ":" + permit.validUntil()), List.of(ngo.groupId()), List.of());
      count++;
    }
    for (NgoStaff staff : repository.staffEndingBetween(today, until)) {
      Ngo ngo = registry.get(staff.ngoId());
      String body = "Masa penugasan tenaga asing " + staff.name() + " (" + staff.position() + ", izin tinggal "
          + staff.stayPermitNumber() + ") di " + ngo.name() + " berakhir pada " + MailTexts.date(staff.periodEnd())
          + ".\n\nPerpanjang izin tinggalnya atau catat penggantinya di daftar ormas asing.";
      notifier.send(new Message(NotificationKind.REMINDER, "Pengingat: masa tinggal " + staff.name() + " berakhir "
          + MailTexts.date(staff.periodEnd()), body, null, null,
          "NGO_STAFF_DUE:" + staff.id() + ":" + staff.periodEnd()), List.of(ngo.groupId()), List.of());
      count++;
    }
    return count;
  }
}
