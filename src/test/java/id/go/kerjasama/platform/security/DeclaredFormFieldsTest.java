package id.go.kerjasama.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import id.go.kerjasama.platform.forms.DeclaredForm;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The engine guard's reading of the deployed forms ({@link DeclaredFormFields})
 * on an engine of its own (in-memory H2): each deployed form's resource is
 * read from the database and parsed once, whichever task or start event shows
 * it; a form deployed again (a new deployment) is read anew and its fields
 * replace the old ones for the tasks that show the latest form.
 */
class DeclaredFormFieldsTest {

  static ProcessEngine engine;

  @BeforeAll
  static void engine() {
    engine = ProcessEngineConfiguration.createStandaloneInMemProcessEngineConfiguration()
        .setJdbcUrl("jdbc:h2:mem:declared-form-fields;DB_CLOSE_DELAY=-1")
        .setProcessEngineName("declared-form-fields")
        .setJobExecutorActivate(false)
        .buildProcessEngine();
    engine.getRepositoryService().createDeployment()
        .addString("usulan.form", form("judul"))
        .addModelInstance("usulan.bpmn", Bpmn.createExecutableProcess("usulan").camundaHistoryTimeToLive(1)
            .startEvent().camundaFormRef("usulan-form").camundaFormRefBinding("latest")
            .userTask("UserTask_Periksa").camundaFormRef("usulan-form").camundaFormRefBinding("latest")
            .userTask("UserTask_TanpaFormulir")
            .endEvent().done())
        .deploy();
  }

  @AfterAll
  static void close() {
    engine.close();
  }

  @Test
  void eachDeployedFormIsReadOnceAndARedeployedFormIsReadAnew() {
    DeclaredFormFields fields = new DeclaredFormFields(new ObjectMapper());
    String first = openTask(engine.getRuntimeService().startProcessInstanceByKey("usulan").getId());
    String second = openTask(engine.getRuntimeService().startProcessInstanceByKey("usulan").getId());
    String definition = engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey("usulan")
        .singleResult().getId();

    assertThat(run(c -> fields.ofTask(c, first)))
        .containsExactly(Map.entry("judul", "textfield"), Map.entry("anggota", DeclaredForm.PATH));
    assertThat(fields.resourcesRead()).isEqualTo(1);

    // the same deployed form again, for another task and for the start event that shows it: from the cache
    assertThat(run(c -> fields.ofTask(c, first))).containsOnlyKeys("judul", "anggota");
    assertThat(run(c -> fields.ofTask(c, second))).containsOnlyKeys("judul", "anggota");
    assertThat(run(c -> fields.ofStartForm(c, definition))).containsOnlyKeys("judul", "anggota");
    assertThat(fields.resourcesRead()).isEqualTo(1);

    // the form deployed again with another field: the tasks (binding latest) now declare the new form's fields
    engine.getRepositoryService().createDeployment().addString("usulan.form", form("ringkasan")).deploy();

    assertThat(run(c -> fields.ofTask(c, first))).containsOnlyKeys("ringkasan", "anggota");
    assertThat(run(c -> fields.ofStartForm(c, definition))).containsOnlyKeys("ringkasan", "anggota");
    assertThat(fields.resourcesRead()).isEqualTo(2);
  }

  @Test
  void aTaskWithoutAFormDeclaresNothing() {
    DeclaredFormFields fields = new DeclaredFormFields(new ObjectMapper());
    String instance = engine.getRuntimeService().startProcessInstanceByKey("usulan").getId();
    engine.getTaskService().complete(openTask(instance));

    assertThat(run(c -> fields.ofTask(c, openTask(instance)))).isEmpty();
  }

  private static String openTask(String instanceId) {
    return engine.getTaskService().createTaskQuery().processInstanceId(instanceId).singleResult().getId();
  }

  private static Map<String, String> run(Command<Map<String, String>> command) {
    return ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getCommandExecutorTxRequired()
        .execute(command);
  }

  private static String form(String field) {
    return """
        {"id": "usulan-form", "type": "default", "components": [
          {"type": "text", "text": "#### Usulan"},
          {"type": "textfield", "key": "%s", "label": "Isian"},
          {"type": "dynamiclist", "path": "anggota", "label": "Anggota", "components": [
            {"type": "textfield", "key": "nama", "label": "Nama"}]},
          {"type": "button", "key": "kirim", "label": "Kirim"}]}
        """.formatted(field);
  }

}
