package id.go.kerjasama.evaluation;

import id.go.kerjasama.platform.calendar.WorkingDayCalendar;
import java.util.Date;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Due dates of the evaluation tasks, in working days from the task's creation
 * ({@code kerjasama.evaluation.*-working-days}).
 */
@Component
public class EvaluationDeadlines {

  private final WorkingDayCalendar workingDays;
  private final int selfEvaluationDays;
  private final int faskerEvaluationDays;

  public EvaluationDeadlines(WorkingDayCalendar workingDays,
                             @Value("${kerjasama.evaluation.self-evaluation-working-days:15}") int selfEvaluationDays,
                             @Value("${kerjasama.evaluation.fasker-evaluation-working-days:15}") int faskerEvaluationDays) {
    this.workingDays = workingDays;
    this.selfEvaluationDays = selfEvaluationDays;
    this.faskerEvaluationDays = faskerEvaluationDays;
  }

  public Date selfEvaluationDue() {
    return workingDays.dueIn(selfEvaluationDays);
  }

  public Date faskerEvaluationDue() {
    return workingDays.dueIn(faskerEvaluationDays);
  }
}
