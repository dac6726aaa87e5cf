package id.go.kerjasama.platform.notification;

import id.go.kerjasama.platform.engine.UserTaskListener;
import java.util.LinkedHashSet;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.task.IdentityLink;
import org.springframework.stereotype.Component;

/**
 * Tells the members of a new task's candidate groups (and its assignee or
 * candidate users, if any) by e-mail that the task is waiting, with its due
 * date and a link to Tasklist. Called for every user task of every process.
 */
@Component
class NewTaskNotifier implements UserTaskListener {

  private final Notifier notifier;

  public NewTaskNotifier(Notifier notifier) {
    this.notifier = notifier;
  }

  @Override
  public void created(DelegateTask task) {
    if (!notifier.properties().isEnabled()) {
      return;
    }
    Set<String> groups = new LinkedHashSet<>();
    Set<String> users = new LinkedHashSet<>();
    for (IdentityLink link : task.getCandidates()) {
      if (link.getGroupId() != null) {
        groups.add(link.getGroupId());
      }
      if (link.getUserId() != null) {
        users.add(link.getUserId());
      }
    }
    if (task.getAssignee() != null) {
      users.add(task.getAssignee());
    }
    if (groups.isEmpty() && users.isEmpty()) {
      return;
    }
    Object number = task.getVariable(NotifiedVariables.REGISTRATION_NUMBER);
    String registrationNumber = number == null ? null : number.toString();
    StringBuilder body = new StringBuilder()
        .append("Ada tugas baru untuk Anda atau unit Anda di aplikasi Kerjasama.\n\n")
        .append("Tugas       : ").append(task.getName()).append('\n');
    if (registrationNumber != null) {
      body.append("Kerja sama  : ").append(registrationNumber).append('\n');
    }
    if (task.getDueDate() != null) {
      body.append("Batas waktu : ").append(MailTexts.dateTime(task.getDueDate())).append('\n');
    }
    body.append("\nBuka tugas di Tasklist:\n")
        .append(MailTexts.taskLink(notifier.properties().baseUrl(), task.getId()));
    String subject = "Tugas baru: " + task.getName() + (registrationNumber == null ? "" : " (" + registrationNumber + ")");
    // a task is created once: its id names the event, so its members are told once
    notifier.send(new Message(NotificationKind.NEW_TASK, subject, body.toString(), registrationNumber, task.getId(),
        NotificationKind.NEW_TASK.name() + ":" + task.getId()), groups, users);
  }
}
