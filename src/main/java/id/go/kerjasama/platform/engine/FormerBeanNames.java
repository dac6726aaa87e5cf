package id.go.kerjasama.platform.engine;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.core.annotation.AnnotationUtils;
import org.springframework.stereotype.Component;
import org.springframework.util.ClassUtils;

/**
 * Registers the names listed in {@link FormerlyNamed} as aliases, so that
 * diagrams deployed before a bean was renamed keep resolving it. Runs before
 * any bean is created; a former name that clashes with another bean stops the
 * start with a message naming both.
 */
@Component
class FormerBeanNames implements BeanFactoryPostProcessor {

  @Override
  public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
    for (String beanName : beanFactory.getBeanDefinitionNames()) {
      String className = beanFactory.getBeanDefinition(beanName).getBeanClassName();
      if (className == null || !className.startsWith("id.go.kerjasama.")) {
        continue;
      }
      Class<?> type = ClassUtils.resolveClassName(className, beanFactory.getBeanClassLoader());
      FormerlyNamed former = AnnotationUtils.findAnnotation(type, FormerlyNamed.class);
      if (former == null) {
        continue;
      }
      for (String alias : former.value()) {
        if (beanFactory.containsBeanDefinition(alias)) {
          throw new IllegalStateException(
              "Former bean name " + alias + " of " + beanName + " is the name of another bean");
        }
        beanFactory.registerAlias(beanName, alias);
      }
    }
  }
}
