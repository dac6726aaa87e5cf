package id.go.kerjasama.operations;

import org.springframework.beans.BeansException;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationContextAware;
import org.springframework.stereotype.Component;

/**
 * Hands Spring beans to the Cockpit plugin's JAX-RS resources, which the
 * webapp's own JAX-RS runtime creates outside Spring.
 */
@Component
public class OperationsBeans implements ApplicationContextAware {

  private static volatile ApplicationContext context;

  @Override
  public void setApplicationContext(ApplicationContext applicationContext) throws BeansException {
    context = applicationContext;
  }

  public static <T> T get(Class<T> type) {
    ApplicationContext current = context;
    if (current == null) {
      throw new IllegalStateException("The application is not started yet");
    }
    return current.getBean(type);
  }
}
