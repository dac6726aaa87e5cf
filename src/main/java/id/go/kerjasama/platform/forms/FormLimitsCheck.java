package id.go.kerjasama.platform.forms;

import id.go.kerjasama.platform.engine.UserTaskListener;
import id.go.kerjasama.platform.web.InvalidInputException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.listener.DelegateExpressionExecutionListener;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.context.annotation.Lazy;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Every user task's completion meets its deployed form's validate blocks
 * (required, minLength, maxLength, min, max, pattern, decimalDigits),
 * whichever way the values came: Tasklist, REST or Java. It runs among the
 * first end listeners ({@link UserTaskListener#completing}), so a value
 * outside a limit keeps the task open with every problem named before any
 * listener acts on it. A task whose own end listener is a
 * {@link ValidatingTaskEndListener} is left to that listener, which is given
 * the values already checked against the same limits and answers them
 * together with its own rules (one submission, one complete answer).
 */
// after the decision check of the allowed codes (registry/AuditTrail, first)
@Order(Ordered.LOWEST_PRECEDENCE)
@Component
class FormLimitsCheck implements UserTaskListener {

  private final FormLimits limits;
  private final ListableBeanFactory beans;
  /** Per process definition and activity: whether its own end listener validates the form. */
  private final Map<String, Boolean> validated = new ConcurrentHashMap<>();

  public FormLimitsCheck(FormLimits limits, @Lazy ListableBeanFactory beans) {
    this.limits = limits;
    this.beans = beans;
  }

  @Override
  public void completing(DelegateExecution execution) {
    if (!hasValidatingListener(execution)) {
      check(execution);
    }
  }

  private void check(DelegateExecution execution) {
    limits.ofTask(execution).ifPresent(form -> {
      List<String> problems = form.problems(execution::getVariable);
      if (!problems.isEmpty()) {
        throw new InvalidInputException(problems);
      }
    });
  }

  private boolean hasValidatingListener(DelegateExecution execution) {
    ActivityImpl activity = ((ExecutionEntity) execution).getActivity();
    return validated.computeIfAbsent(execution.getProcessDefinitionId() + "/" + activity.getId(), k -> {
      for (Object listener : activity.getListeners(ExecutionListener.EVENTNAME_END)) {
        if (listener instanceof DelegateExpressionExecutionListener delegate) {
          String bean = beanName(delegate.getExpressionText());
          if (bean != null && beans.containsBean(bean) && beans.isTypeMatch(bean, ValidatingTaskEndListener.class)) {
            return true;
          }
        }
      }
      return false;
    });
  }

  /** {@code ${signingRecordListener}} → {@code signingRecord}; null for anything else. */
  static String beanName(String expression) {
    if (expression == null) {
      return null;
    }
    String text = expression.strip();
    if (text.startsWith("${") && text.endsWith("}")) {
      String name = text.substring(2, text.length() - 1).strip();
      return name.matches("[A-Za-z_][A-Za-z0-9_]*") ? name : null;
    }
    return null;
  }
}
