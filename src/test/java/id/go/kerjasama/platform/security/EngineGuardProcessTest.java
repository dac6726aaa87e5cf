package id.go.kerjasama.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.go.kerjasama.ProcessTest;
import id.go.kerjasama.ProcessTestSupport;
import id.go.kerjasama.lifecycle.LifecycleProcess;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The engine-level guard as an attacker meets it through the Java API (the
 * REST API and the webapps end up in the same commands, see SecurityAttackIT):
 * expressions that would run code, variables a form does not declare,
 * protected variables, repair commands, e-mail addresses and password checks.
 */
@ProcessTest
class EngineGuardProcessTest extends ProcessTestSupport {

  @TempDir
  Path workDir;

  @Autowired
  DataSource dataSource;

  private Path proof;

  @BeforeEach
  void proofFile() {
    proof = workDir.resolve("rce-proof");
  }

  @AfterEach
  void noCodeRan() {
    assertThat(proof).as("the expression must not have run").doesNotExist();
  }

  /** The expression of the attack in issue 10: creates a file when evaluated. */
  private String createsFile() {
    return "${\"\".getClass().forName(\"java.io.File\").getConstructor(\"\".getClass()).newInstance(\""
        + proof.toString().replace("\\", "/") + "\").createNewFile()}";
  }

  @Test
  void anOrQueryExpressionIsRefusedForUsersAndForTheApplicationAlike() {
    actAs("province-33");
    try {
      TaskQuery attack = processEngine.getTaskService().createTaskQuery()
          .or().taskAssigneeExpression(createsFile()).endOr();
      assertThatThrownBy(attack::list).isInstanceOf(BadUserRequestException.class)
          .hasMessageContaining("Ekspresi dalam kueri tidak diizinkan");
      assertThatThrownBy(attack::count).isInstanceOf(BadUserRequestException.class);
      assertThatThrownBy(() -> attack.listPage(0, 10)).isInstanceOf(BadUserRequestException.class);
    } finally {
      actAsSystem();
    }
    TaskQuery asSystem = processEngine.getTaskService().createTaskQuery()
        .or().taskCandidateGroupExpression(createsFile()).endOr();
    assertThatThrownBy(asSystem::list).isInstanceOf(BadUserRequestException.class);
  }

  @Test
  void theTasklistHelpersStillWorkInOrQueriesAndFilters() {
    String user = userOf("province-33");
    actAs("province-33");
    try {
      List<Task> tasks = processEngine.getTaskService().createTaskQuery()
          .or().taskAssigneeExpression("${currentUser()}").taskCandidateGroupInExpression("${currentUserGroups()}")
          .dueBeforeExpression("${dateTime().plusDays(7).withTimeAtStartOfDay().toDate()}").endOr()
          .list();
      assertThat(tasks).allMatch(t -> user.equals(t.getAssignee()) || t.getAssignee() == null);
    } finally {
      actAsSystem();
    }
    assertThat(QueryExpressions.allowed("${now()}")).isTrue();
    assertThat(QueryExpressions.allowed("${ dateTime().minusWeeks(2).toDate() }")).isTrue();
    assertThat(QueryExpressions.allowed("${currentUser().getClass()}")).isFalse();
    assertThat(QueryExpressions.allowed("${dateTime().plusDays(1).getClass().forName('x')}")).isFalse();
    assertThat(QueryExpressions.allowed("#{currentUser()}")).isFalse();
    assertThat(QueryExpressions.allowed("${currentUser()}${now()}")).isFalse();
  }

  @Test
  void aFilterWithACodeExpressionIsNeitherSavedNorRun() {
    // users may not create filters; not even an administrator may store or run code in one
    actAs("camunda-admin");
    try {
      Filter filter = processEngine.getFilterService().newTaskFilter("Serangan")
          .setQuery(processEngine.getTaskService().createTaskQuery().or().taskAssigneeExpression(createsFile()).endOr());
      assertThatThrownBy(() -> processEngine.getFilterService().saveFilter(filter))
          .isInstanceOf(BadUserRequestException.class);

      Filter harmless = processEngine.getFilterService().saveFilter(processEngine.getFilterService()
          .newTaskFilter("Tugas saya").setQuery(processEngine.getTaskService().createTaskQuery()
              .or().taskAssigneeExpression("${currentUser()}").endOr()));
      // the extending query of a filter call (POST /filter/{id}/list with a body)
      TaskQuery extending = processEngine.getTaskService().createTaskQuery()
          .or().taskAssigneeExpression(createsFile()).endOr();
      assertThatThrownBy(() -> processEngine.getFilterService().list(harmless.getId(), extending))
          .isInstanceOf(BadUserRequestException.class);
      assertThatThrownBy(() -> processEngine.getFilterService().count(harmless.getId(), extending))
          .isInstanceOf(BadUserRequestException.class);
      assertThat(processEngine.getFilterService().list(harmless.getId())).isNotNull();

      // a filter stored before the guard existed (written straight into the table) is refused when run
      JdbcTemplate jdbc = new JdbcTemplate(dataSource);
      String stored = jdbc.queryForObject("SELECT QUERY_ FROM ACT_RU_FILTER WHERE ID_ = ?", String.class,
          harmless.getId());
      assertThat(stored).contains("${currentUser()}");
      jdbc.update("UPDATE ACT_RU_FILTER SET QUERY_ = ? WHERE ID_ = ?",
          stored.replace("${currentUser()}", createsFile().replace("\"", "\\\"")), harmless.getId());
      assertThatThrownBy(() -> processEngine.getFilterService().list(harmless.getId()))
          .isInstanceOf(ProcessEngineException.class);
      assertThatThrownBy(() -> processEngine.getFilterService().count(harmless.getId()))
          .isInstanceOf(ProcessEngineException.class);
    } finally {
      actAsSystem();
    }
  }

  @Test
  void aTaskTakesOnlyTheVariablesItsFormDeclaresAndNeverAnIdentityVariable() {
    ProcessInstance own = submit("province-71", proposal("LUAR_NEGERI", "province-71", "71"));
    ProcessInstance other = submit("province-72", proposal("LUAR_NEGERI", "province-72", "72"));
    Task task = firstTask(own);
    String group = candidateGroup(task);
    Object ownId = processEngine.getRuntimeService().getVariable(task.getProcessInstanceId(),
        LifecycleProcess.AGREEMENT_ID);
    Object otherId = processEngine.getRuntimeService().getVariable(other.getId(), LifecycleProcess.AGREEMENT_ID);

    Map<String, Object> answer = new HashMap<>(decision("APPROVED", "Lengkap"));
    answer.put(LifecycleProcess.AGREEMENT_ID, otherId);
    assertThatThrownBy(() -> complete(group, task, answer)).isInstanceOf(AuthorizationException.class)
        .hasMessageContaining("tidak boleh dikirim pengguna: agreementId");

    Map<String, Object> undeclared = new HashMap<>(decision("APPROVED", "Lengkap"));
    undeclared.put("approvalRoute", "NONE");
    actAs(group);
    try {
      assertThatThrownBy(() -> processEngine.getTaskService().complete(task.getId(), undeclared))
          .isInstanceOf(BadUserRequestException.class)
          .hasMessageContaining("tidak ada di formulir tugas ini").hasMessageContaining("approvalRoute");
      // the task's own variables cannot be written around the form either
      assertThatThrownBy(() -> processEngine.getTaskService().setVariable(task.getId(), "agreementId", otherId))
          .isInstanceOf(AuthorizationException.class);
      assertThatThrownBy(() -> processEngine.getRuntimeService().setVariable(task.getProcessInstanceId(), "x", 1))
          .isInstanceOf(AuthorizationException.class);
    } finally {
      actAsSystem();
    }
    assertThat(processEngine.getTaskService().createTaskQuery().taskId(task.getId()).count()).isEqualTo(1);
    assertThat(processEngine.getRuntimeService().getVariable(task.getProcessInstanceId(), LifecycleProcess.AGREEMENT_ID))
        .isEqualTo(ownId);
  }

  @Test
  void aProposalTakesOnlyTheStartFormsFields() {
    Map<String, Object> form = proposal("LUAR_NEGERI", "province-73", "73");
    form.put(LifecycleProcess.PROPOSER_GROUP, "fasker");
    assertThatThrownBy(() -> submit("province-73", form)).isInstanceOf(AuthorizationException.class)
        .hasMessageContaining("proposerGroup");
    Map<String, Object> extra = proposal("LUAR_NEGERI", "province-73", "73");
    extra.put("approvalOutcomeX", "APPROVED");
    assertThatThrownBy(() -> submit("province-73", extra)).isInstanceOf(BadUserRequestException.class)
        .hasMessageContaining("approvalOutcomeX");
    actAs("province-73");
    try {
      assertThatThrownBy(() -> processEngine.getRuntimeService().createProcessInstanceByKey(LifecycleProcess.PROCESS_KEY)
          .startBeforeActivity(LifecycleProcess.CALL_CENTRAL_APPROVAL).setVariables(proposal("LUAR_NEGERI",
              "province-73", "73")).execute())
          .isInstanceOf(AuthorizationException.class);
    } finally {
      actAsSystem();
    }
    assertThat(processEngine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey(LifecycleProcess.PROCESS_KEY).variableValueEquals("proposerGroup", "fasker").count())
        .isZero();
  }

  @Test
  void objectsTheEngineWouldDeserializeAndControlCharactersAreRefused() {
    // the shared context may hold instances of province-76 from other tests (VisibilityProcessTest)
    long before = processEngine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey(LifecycleProcess.PROCESS_KEY).variableValueEquals("proposerGroup", "province-76").count();
    Map<String, Object> javaObject = proposal("LUAR_NEGERI", "province-76", "76");
    javaObject.put(LifecycleProcess.FIELD_TITLE, org.camunda.bpm.engine.variable.Variables
        .serializedObjectValue("rO0ABXQABHRlc3Q=").objectTypeName("java.lang.String")
        .serializationDataFormat("application/x-java-serialized-object").create());
    assertThatThrownBy(() -> submit("province-76", javaObject)).isInstanceOf(BadUserRequestException.class)
        .hasMessageContaining("Jenis data isian berikut tidak didukung").hasMessageContaining("title");
    Map<String, Object> boundJson = proposal("LUAR_NEGERI", "province-76", "76");
    boundJson.put(LifecycleProcess.FIELD_SECTORS, org.camunda.bpm.engine.variable.Variables
        .serializedObjectValue("[\"PENDIDIKAN\"]").objectTypeName("java.util.ArrayList")
        .serializationDataFormat("application/json").create());
    assertThatThrownBy(() -> submit("province-76", boundJson)).isInstanceOf(BadUserRequestException.class)
        .hasMessageContaining("sectors");
    Map<String, Object> nul = proposal("LUAR_NEGERI", "province-76", "76");
    nul.put(LifecycleProcess.FIELD_TITLE, "Program\u0000pelatihan");
    assertThatThrownBy(() -> submit("province-76", nul)).isInstanceOf(BadUserRequestException.class)
        .hasMessageContaining("karakter kendali").hasMessageContaining("title");
    Map<String, Object> nulInList = proposal("LUAR_NEGERI", "province-76", "76");
    nulInList.put(LifecycleProcess.FIELD_SECTORS, org.camunda.spin.Spin.JSON("[\"PENDIDIKAN\\u0000\"]"));
    assertThatThrownBy(() -> submit("province-76", nulInList)).isInstanceOf(BadUserRequestException.class)
        .hasMessageContaining("sectors");
    assertThat(processEngine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey(LifecycleProcess.PROCESS_KEY).variableValueEquals("proposerGroup", "province-76")
        .count()).isEqualTo(before);
    // line breaks and tabs are text
    Map<String, Object> multiline = proposal("LUAR_NEGERI", "province-76", "76");
    multiline.put(LifecycleProcess.FIELD_TITLE, "Program pelatihan\tguru\r\nangkatan kedua");
    assertThat(submit("province-76", multiline).getBusinessKey()).startsWith("KS-LN-");
  }

  @Test
  void usersSeeOnlyTheirOwnEmailAddressAndCannotSearchByIt() {
    String self = userOf("province-74");
    String other = userOf("province-75");
    actAs("province-74");
    try {
      User otherUser = processEngine.getIdentityService().createUserQuery().userId(other).singleResult();
      assertThat(otherUser.getLastName()).isEqualTo("province-75");
      assertThat(otherUser.getEmail()).isNull();
      assertThat(processEngine.getIdentityService().createUserQuery().userId(self).singleResult().getEmail())
          .isEqualTo(self + "@kerjasama.test");
      assertThat(processEngine.getIdentityService().createUserQuery().userIdIn(self, other).list())
          .filteredOn(u -> u.getId().equals(other)).extracting(User::getEmail).containsOnlyNulls();
      assertThatThrownBy(() -> processEngine.getIdentityService().createUserQuery()
          .userEmailLike("%province-75%").count()).isInstanceOf(AuthorizationException.class);
      assertThatThrownBy(() -> processEngine.getIdentityService().checkPassword(other, "guess"))
          .isInstanceOf(AuthorizationException.class);
    } finally {
      actAsSystem();
    }
    // the stored address is untouched, and the application (no user) still reads it
    assertThat(processEngine.getIdentityService().createUserQuery().userId(other).singleResult().getEmail())
        .isEqualTo(other + "@kerjasama.test");
    actAs("camunda-admin");
    try {
      assertThat(processEngine.getIdentityService().createUserQuery().userId(other).singleResult().getEmail())
          .isEqualTo(other + "@kerjasama.test");
    } finally {
      actAsSystem();
    }
  }

  private Task firstTask(ProcessInstance lifecycle) {
    return processEngine.getTaskService().createTaskQuery().processInstanceBusinessKey(lifecycle.getBusinessKey())
        .list().get(0);
  }

  private String candidateGroup(Task task) {
    return processEngine.getTaskService().getIdentityLinksForTask(task.getId()).stream()
        .filter(l -> l.getGroupId() != null).map(IdentityLink::getGroupId).findFirst().orElseThrow();
  }
}
