package id.go.kerjasama.platform.engine;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.kerjasama.ProcessTest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.junit.jupiter.api.Test;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.util.StringUtils;

/**
 * Every bean a diagram calls is named after its class (bean name = class name,
 * as in the Camunda examples), so a reader finds the Java from the diagram;
 * former names stay resolvable for instances of older diagram versions.
 */
@ProcessTest
class DiagramBeanNamesTest {

  private static final Pattern BEAN_REFERENCE = Pattern.compile("\\$\\{([a-z][A-Za-z0-9]*)[.}(]");

  @Autowired
  ApplicationContext context;
  @Autowired
  RepositoryService repositoryService;

  @Test
  void everyBeanADiagramCallsIsNamedAfterItsClass() throws IOException {
    Map<String, String> misnamed = new TreeMap<>();
    TreeSet<String> checked = new TreeSet<>();
    for (ProcessDefinition definition : repositoryService.createProcessDefinitionQuery().latestVersion().list()) {
      String xml;
      try (InputStream in = repositoryService.getProcessModel(definition.getId())) {
        xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
      Matcher m = BEAN_REFERENCE.matcher(xml);
      while (m.find()) {
        String name = m.group(1);
        if (!context.containsBean(name)) {
          continue; // a process variable such as ${approved}
        }
        checked.add(name);
        Class<?> type = AopUtils.getTargetClass(context.getBean(name));
        String expected = StringUtils.uncapitalize(type.getSimpleName());
        if (!expected.equals(name)) {
          misnamed.put(definition.getResourceName() + ": ${" + name + "}", expected);
        }
      }
    }
    assertThat(checked).as("beans the diagrams call").isNotEmpty();
    assertThat(misnamed).as("diagram references to a bean not named after its class").isEmpty();
  }

  @Test
  void aFormerNameStillResolvesToTheRenamedBean() {
    Map<String, Object> formerlyNamed = context.getBeansWithAnnotation(FormerlyNamed.class);
    assertThat(formerlyNamed).isNotEmpty();
    formerlyNamed.forEach((name, bean) -> {
      for (String former : AopUtils.getTargetClass(bean).getAnnotation(FormerlyNamed.class).value()) {
        assertThat(context.getBean(former)).as(former).isSameAs(bean);
      }
    });
  }
}
