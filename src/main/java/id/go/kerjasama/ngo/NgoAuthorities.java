package id.go.kerjasama.ngo;

import id.go.kerjasama.platform.calendar.WorkingDayCalendar;
import java.util.Date;
import org.springframework.stereotype.Component;

/**
 * Who decides what on the NGO route, and when tasks are due, for the
 * diagrams: {@code camunda:candidateGroups="${ngoAuthorities.permitGroup()}"}.
 * The groups are configuration ({@code kerjasama.ngo}) because the body the
 * regulation names may sit in another ministry's group.
 */
@Component
public class NgoAuthorities {

  private final NgoProperties properties;
  private final WorkingDayCalendar workingDays;

  NgoAuthorities(NgoProperties properties, WorkingDayCalendar workingDays) {
    this.properties = properties;
    this.workingDays = workingDays;
  }

  public String fileCheckGroup() {
    return properties.fileCheckGroup();
  }

  public String permitGroup() {
    return properties.permitGroup();
  }

  public String sanctionGroup() {
    return properties.sanctionGroup();
  }

  /** Every task of the NGO route is due {@code task-working-days} working days from today, at office closing. */
  public Date dueDate(String taskId) {
    return workingDays.dueIn(properties.taskWorkingDays());
  }
}
