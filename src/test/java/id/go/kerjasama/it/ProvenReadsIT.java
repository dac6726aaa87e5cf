package id.go.kerjasama.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import id.go.kerjasama.platform.identity.Groups;
import id.go.kerjasama.platform.notification.NotifiedVariables;
import id.go.kerjasama.platform.tasklist.TasklistFilters;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.apache.ibatis.executor.Executor;
import org.apache.ibatis.mapping.MappedStatement;
import org.apache.ibatis.plugin.Interceptor;
import org.apache.ibatis.plugin.Intercepts;
import org.apache.ibatis.plugin.Invocation;
import org.apache.ibatis.plugin.Signature;
import org.apache.ibatis.session.ResultHandler;
import org.apache.ibatis.session.RowBounds;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The authorization checks the application leaves out of task and variable
 * queries (platform/security {@code ProvenReads}, docs/security.md "Checks
 * left out where they cannot remove a task") leave every answer as it was:
 * for users in and out of the tasks' groups, another province's group, a
 * task whose group grant an administrator deleted or took READ from, a
 * REVOKE, assigned tasks, "or" queries, queries with extra criteria or other
 * candidate conditions, Fasker and the administrator, each task query's list
 * and count equal what a stock Camunda engine (no plugin of ours: Camunda's
 * own authorization manager) answers on the same PostgreSQL database. Where
 * a proof holds the recorded SQL shows the check left out, where it does not
 * the check stays. Over REST, a province user's "Tugas kelompok saya" still
 * shows only the province's tasks.
 */
class ProvenReadsIT extends IntegrationTest {

  @Autowired
  ProcessEngine engine;
  @Autowired
  DataSource dataSource;

  static ProcessEngine stock;
  static final TaskSql sql = new TaskSql();
  final String tag = "pr" + UUID.randomUUID().toString().substring(0, 6).toLowerCase(Locale.ROOT);

  /** A stock engine on the application's database, once per class; and the SQL recorder on ours. */
  @BeforeEach
  void stockEngineOnTheSameDatabase() {
    if (stock != null) {
      return;
    }
    ProcessEngineConfigurationImpl ours = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    StandaloneProcessEngineConfiguration config = new StandaloneProcessEngineConfiguration();
    config.setDataSource(dataSource);
    config.setProcessEngineName("stock-" + tag);
    config.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_FALSE);
    config.setJobExecutorActivate(false);
    config.setHistoryCleanupEnabled(false);
    config.setDbMetricsReporterActivate(false);
    config.setAuthorizationEnabled(true);
    config.setHistory(ProcessEngineConfiguration.HISTORY_FULL);
    config.setCmmnEnabled(ours.isCmmnEnabled());
    config.setDmnEnabled(ours.isDmnEnabled());
    config.setStandaloneTasksEnabled(ours.isStandaloneTasksEnabled());
    config.setAuthorizationCheckRevokes(ours.getAuthorizationCheckRevokes());
    config.setEnforceSpecificVariablePermission(ours.isEnforceSpecificVariablePermission());
    stock = config.buildProcessEngine();
    ours.getSqlSessionFactory().getConfiguration().addInterceptor(sql);
  }

  @AfterAll
  static void closeStockEngine() {
    if (stock != null) {
      stock.close();
      stock = null;
    }
  }

  @Test
  void everyUserAndQueryGetsTheStockAnswerAndTheCheckIsLeftOutOnlyWhereProven() {
    String clean = tag + "-clean";
    String other = tag + "-other";
    String damaged = tag + "-damaged";
    String revoked = tag + "-revoked";
    String noGrants = tag + "-nogrants";

    String t1 = task("t1", null, clean);
    String t2 = task("t2", null, other);
    String t3 = task("t3", null, clean, other);
    String t4 = task("t4", tag + "-ua", clean);
    String t5 = task("t5", null, damaged);
    String t6 = task("t6", null, damaged);
    String t7 = task("t7", tag + "-ua", new String[0]);
    String t8 = task("t8", null, clean);
    String t9 = task("t9", null, revoked);
    String t10 = task("t10", null, revoked);
    setDue(t8, -2);
    setDue(t1, 3);
    AuthorizationService authorizations = engine.getAuthorizationService();
    // an administrator deletes the damaged group's grant on t5 and takes READ from its grant on t6
    authorizations.deleteAuthorization(groupGrant(damaged, t5).getId());
    Authorization downgraded = groupGrant(damaged, t6);
    downgraded.removePermission(Permissions.READ);
    authorizations.saveAuthorization(downgraded);
    // ... revokes READ on t9 from the revoked group (its own grant on t9 still wins in Camunda's order) and on
    // t10 from one of its members (a user's REVOKE beats a group's GRANT): the revoke check applies to its members
    Authorization revoke = revoke(authorizations, null, revoked, t9);
    Authorization userRevoke = revoke(authorizations, tag + "-urevoked", null, t10);
    Filter groupFilter = engine.getFilterService().createTaskFilterQuery()
        .filterName(TasklistFilters.GROUP_TASKS).singleResult();
    List<Filter> sharedFilters = engine.getFilterService().createTaskFilterQuery().list().stream()
        .filter(f -> List.of(TasklistFilters.MY_TASKS, TasklistFilters.GROUP_TASKS, TasklistFilters.OVERDUE,
            TasklistFilters.DUE_THIS_WEEK).contains(f.getName())).toList();
    try {
      List<User> users = List.of(
          new User(tag + "-uclean", List.of(clean)),
          new User(tag + "-uother", List.of(other)),
          new User(tag + "-ua", List.of(clean)),
          new User(tag + "-uboth", List.of(clean, other)),
          new User(tag + "-udamaged", List.of(damaged)),
          new User(tag + "-umixed", List.of(clean, damaged)),
          new User(tag + "-urevoked", List.of(revoked)),
          new User(tag + "-urevclean", List.of(revoked, clean)),
          new User(tag + "-unone", List.of(noGrants)),
          new User(tag + "-uprovince", List.of("province-17")),
          new User(tag + "-ufasker", List.of(Groups.FASKER)),
          new User(ADMIN, List.of(Groups.ADMIN)));
      List<String> ours = List.of(t1, t2, t3, t4, t5, t6, t7, t8, t9, t10);
      Map<String, Function<TaskService, TaskQuery>> queries = new java.util.LinkedHashMap<>();
      queries.put("own groups, unassigned", s -> s.createTaskQuery().taskCandidateGroupIn(List.of(clean, other,
          damaged, revoked)).taskUnassigned());
      queries.put("own groups incl. assigned", s -> s.createTaskQuery().taskCandidateGroupIn(List.of(clean, other,
          damaged, revoked)).includeAssignedTasks());
      queries.put("one group", s -> s.createTaskQuery().taskCandidateGroup(clean));
      queries.put("one group incl. assigned", s -> s.createTaskQuery().taskCandidateGroup(clean).includeAssignedTasks());
      queries.put("damaged group", s -> s.createTaskQuery().taskCandidateGroup(damaged));
      queries.put("revoked group", s -> s.createTaskQuery().taskCandidateGroup(revoked));
      queries.put("group with extra criteria", s -> s.createTaskQuery().taskCandidateGroup(clean)
          .includeAssignedTasks().dueBefore(new Date()).taskNameLike(tag + "%"));
      queries.put("or query widening", s -> s.createTaskQuery().taskCandidateGroup(clean)
          .or().taskCandidateGroup(clean).taskAssignee(tag + "-ua").endOr());
      queries.put("or query with another group", s -> s.createTaskQuery().taskNameLike(tag + "%")
          .or().taskCandidateGroup(clean).taskCandidateGroupIn(List.of(other)).endOr());
      queries.put("group and list intersected", s -> s.createTaskQuery().taskCandidateGroup(clean)
          .taskCandidateGroupIn(List.of(clean, other)));
      queries.put("with candidate groups, no list", s -> s.createTaskQuery().withCandidateGroups()
          .taskNameLike(tag + "%"));
      queries.put("with candidate groups and a list", s -> s.createTaskQuery().withCandidateGroups()
          .taskCandidateGroup(clean));
      queries.put("candidate group pattern", s -> s.createTaskQuery().taskCandidateGroupLike(tag + "-%"));
      queries.put("candidate user", s -> s.createTaskQuery().taskCandidateUser(tag + "-ua"));
      queries.put("all of this test's tasks", s -> s.createTaskQuery().taskNameLike(tag + "%"));
      queries.put("assignee", s -> s.createTaskQuery().taskAssignee(tag + "-ua"));
      queries.put("by id: deleted grant", s -> s.createTaskQuery().taskId(t5));
      queries.put("by ids", s -> s.createTaskQuery().taskIdIn(ours.toArray(String[]::new)));

      int compared = 0;
      for (User user : users) {
        for (Map.Entry<String, Function<TaskService, TaskQuery>> query : queries.entrySet()) {
          String what = user.id + " / " + query.getKey();
          Answer mine = as(engine, user, () -> answer(query.getValue().apply(engine.getTaskService()), ours));
          Answer stocks = as(stock, user, () -> answer(query.getValue().apply(stock.getTaskService()), ours));
          assertThat(mine).as(what).isEqualTo(stocks);
          compared++;
        }
        for (Filter filter : sharedFilters) {
          String what = user.id + " / filter " + filter.getName();
          Answer mine = as(engine, user, () -> filterAnswer(engine, filter.getId(), ours));
          Answer stocks = as(stock, user, () -> filterAnswer(stock, filter.getId(), ours));
          assertThat(mine).as(what).isEqualTo(stocks);
          compared++;
        }
      }
      assertThat(compared).isEqualTo(users.size() * (queries.size() + sharedFilters.size()));

      // what the users see, spelled out (so that a broken stock engine could not make the comparison pass)
      User cleanMember = users.get(0);
      User damagedMember = users.get(4);
      User revokedMember = users.get(6);
      User stranger = users.get(8);
      assertThat(as(engine, cleanMember, () -> filterAnswer(engine, groupFilter.getId(), ours)).ids())
          .containsExactlyInAnyOrder(t1, t3, t8);
      assertThat(as(engine, damagedMember, () -> filterAnswer(engine, groupFilter.getId(), ours)).ids())
          .as("the tasks whose group grant was deleted or lost READ are not shown").isEmpty();
      assertThat(as(engine, revokedMember, () -> filterAnswer(engine, groupFilter.getId(), ours)).ids())
          .as("the task revoked from the user is not shown").containsExactly(t9);
      assertThat(as(engine, stranger, () -> answer(engine.getTaskService().createTaskQuery()
          .taskNameLike(tag + "%"), ours)).ids()).isEmpty();
      assertThat(as(engine, users.get(10), () -> answer(engine.getTaskService().createTaskQuery()
          .taskNameLike(tag + "%"), ours)).ids()).as("Fasker reads every task").hasSize(ours.size());

      // where the check was left out, and where not
      assertThat(checkLeftOut(cleanMember, s -> s.createTaskQuery().taskCandidateGroup(clean))).isTrue();
      assertThat(checkLeftOut(cleanMember, s -> s.createTaskQuery().taskCandidateGroup(clean)
          .includeAssignedTasks())).isTrue();
      assertThat(checkLeftOut(users.get(10), s -> s.createTaskQuery().taskNameLike(tag + "%")))
          .as("Fasker: READ on every task").isTrue();
      assertThat(checkLeftOut(damagedMember, s -> s.createTaskQuery().taskCandidateGroup(damaged))).isFalse();
      assertThat(checkLeftOut(users.get(5), s -> s.createTaskQuery().taskCandidateGroupIn(List.of(clean, damaged))))
          .as("one of the groups has a link without grant").isFalse();
      assertThat(checkLeftOut(users.get(7), s -> s.createTaskQuery().taskCandidateGroup(clean)))
          .as("a REVOKE applies to the user").isFalse();
      assertThat(checkLeftOut(cleanMember, s -> s.createTaskQuery().taskCandidateGroup(other)))
          .as("not the user's group").isFalse();
      assertThat(checkLeftOut(cleanMember, s -> s.createTaskQuery().taskCandidateGroup(clean)
          .or().taskCandidateGroup(clean).taskAssignee(tag + "-ua").endOr())).isFalse();
      assertThat(checkLeftOut(cleanMember, s -> s.createTaskQuery().taskCandidateUser(tag + "-ua"))).isFalse();
      assertThat(checkLeftOut(cleanMember, s -> s.createTaskQuery().taskCandidateGroupLike(clean))).isFalse();
    } finally {
      authorizations.deleteAuthorization(revoke.getId());
      authorizations.deleteAuthorization(userRevoke.getId());
      for (String id : List.of(t1, t2, t3, t4, t5, t6, t7, t8, t9, t10)) {
        engine.getTaskService().deleteTask(id, true);
      }
    }
  }

  @Test
  void theCardVariablesAreTheStockOnesForFaskerAndForAProvince() {
    String officer = userOf("province-17");
    String otherOfficer = userOf("province-18");
    String fasker = userOf(Groups.FASKER);
    String own = propose(officer, "17");
    String foreign = propose(otherOfficer, "18");
    User officers = new User(officer, List.of("province-17"));
    User faskers = new User(fasker, List.of(Groups.FASKER));
    User stranger = new User(tag + "-unone", List.of(tag + "-nogrants"));
    for (User user : List.of(officers, faskers, stranger)) {
      for (List<String> instances : List.of(List.of(own), List.of(own, foreign), List.of(foreign))) {
        assertThat(as(engine, user, () -> variables(engine, instances))).as(user.id + " " + instances)
            .isEqualTo(as(stock, user, () -> variables(stock, instances)));
      }
    }
    List<String> ownCards = as(engine, officers, () -> variables(engine, List.of(own)));
    List<String> foreignCards = as(engine, new User(otherOfficer, List.of("province-18")),
        () -> variables(engine, List.of(foreign)));
    assertThat(ownCards).isNotEmpty();
    assertThat(foreignCards).isNotEmpty();
    assertThat(as(engine, officers, () -> variables(engine, List.of(own, foreign)))).isEqualTo(ownCards);
    assertThat(as(engine, faskers, () -> variables(engine, List.of(own, foreign))))
        .hasSize(ownCards.size() + foreignCards.size());
    assertThat(as(engine, stranger, () -> variables(engine, List.of(own, foreign)))).isEmpty();

    assertThat(variableCheckLeftOut(officers, List.of(own))).as("the province reads its own instance").isTrue();
    assertThat(variableCheckLeftOut(officers, List.of(own, foreign))).as("not the other province's").isFalse();
    assertThat(variableCheckLeftOut(faskers, List.of(own, foreign))).as("Fasker reads every instance").isTrue();
    assertThat(variableCheckLeftOut(stranger, List.of(own))).isFalse();
  }

  private String propose(String user, String province) {
    Map<String, Object> proposal = new java.util.HashMap<>(TasklistFilterResultsIT.proposal());
    proposal.put("proposerUnit", value("province-" + province));
    proposal.put("locationProvinces", json("[\"" + province + "\"]"));
    proposal.put("title", value("Kerja sama uji variabel kartu " + tag + " " + province));
    return started(check(post(user, "/engine-rest/process-definition/key/cooperation-lifecycle/submit-form",
        Map.of("variables", proposal)), 200).json()).get("id").asText();
  }

  @Test
  void aProvinceUserSeesOnlyTheProvincesGroupTasksThroughTheFilterApi() {
    String officer = userOf("province-17");
    String stranger = userOf("province-18");
    String own = task("p17", null, "province-17");
    String foreign = task("p18", null, "province-18");
    String ungranted = task("p17x", null, "province-17");
    engine.getAuthorizationService().deleteAuthorization(groupGrant("province-17", ungranted).getId());
    try {
      String filterId = null;
      for (JsonNode filter : check(get(officer, "/engine-rest/filter?resourceType=Task"), 200).json()) {
        if (TasklistFilters.GROUP_TASKS.equals(filter.get("name").asText())) {
          filterId = filter.get("id").asText();
        }
      }
      assertThat(filterId).isNotNull();
      List<String> officers = restList(officer, filterId);
      assertThat(officers).contains(own).doesNotContain(foreign, ungranted);
      List<String> strangers = restList(stranger, filterId);
      assertThat(strangers).contains(foreign).doesNotContain(own, ungranted);
      assertThat(officers).noneMatch(strangers::contains);
    } finally {
      for (String id : List.of(own, foreign, ungranted)) {
        engine.getTaskService().deleteTask(id, true);
      }
    }
  }

  // --- helpers ---

  record User(String id, List<String> groups) {
  }

  /** What a query answers: the ids of this test's tasks it lists, and its count. */
  record Answer(List<String> ids, long count) {
  }

  private Answer answer(TaskQuery query, List<String> ours) {
    List<String> ids = query.list().stream().map(Task::getId).filter(ours::contains).sorted().toList();
    long count = query.count();
    return new Answer(ids, count);
  }

  private Answer filterAnswer(ProcessEngine on, String filterId, List<String> ours) {
    List<Task> tasks = on.getFilterService().list(filterId);
    return new Answer(tasks.stream().map(Task::getId).filter(ours::contains).sorted().toList(),
        on.getFilterService().count(filterId));
  }

  private static <T> T as(ProcessEngine on, User user, Supplier<T> what) {
    on.getIdentityService().setAuthentication(user.id, user.groups);
    try {
      return what.get();
    } finally {
      on.getIdentityService().clearAuthentication();
    }
  }

  private boolean checkLeftOut(User user, Function<TaskService, TaskQuery> query) {
    sql.start();
    try {
      as(engine, user, () -> query.apply(engine.getTaskService()).count());
    } finally {
      sql.stop();
    }
    assertThat(sql.taskQueries).hasSize(1);
    return !sql.taskQueries.get(0).toUpperCase(Locale.ROOT).contains("ACT_RU_AUTHORIZATION");
  }

  private boolean variableCheckLeftOut(User user, List<String> instances) {
    sql.start();
    try {
      as(engine, user, () -> variables(engine, instances));
    } finally {
      sql.stop();
    }
    assertThat(sql.variableQueries).hasSize(1);
    return !sql.variableQueries.get(0).toUpperCase(Locale.ROOT).contains("ACT_RU_AUTHORIZATION");
  }

  private List<String> variables(ProcessEngine on, List<String> instances) {
    List<String> scopes = new ArrayList<>(instances);
    return on.getRuntimeService().createVariableInstanceQuery().variableScopeIdIn(scopes.toArray(String[]::new))
        .variableNameIn(NotifiedVariables.REGISTRATION_NUMBER, TasklistFilters.COOPERATION_TITLE, TasklistFilters.PROPOSER_NAME)
        .list().stream().map(VariableInstance::getId).sorted().toList();
  }

  private List<String> restList(String user, String filterId) {
    List<String> ids = new ArrayList<>();
    for (JsonNode task : check(post(user, "/engine-rest/filter/" + filterId + "/list?firstResult=0&maxResults=1000",
        Map.of()), 200).json()) {
      ids.add(task.get("id").asText());
    }
    long count = check(get(user, "/engine-rest/filter/" + filterId + "/count"), 200).json().get("count").asLong();
    assertThat(count).isEqualTo(ids.size());
    return ids;
  }

  /** A standalone task of this test, named with the tag, with these candidate groups and assignee. */
  private String task(String name, String assignee, String... candidateGroups) {
    TaskService tasks = engine.getTaskService();
    Task task = tasks.newTask(tag + "-" + name);
    task.setName(tag + " " + name);
    task.setAssignee(assignee);
    tasks.saveTask(task);
    for (String group : candidateGroups) {
      tasks.addCandidateGroup(task.getId(), group);
    }
    return task.getId();
  }

  private void setDue(String taskId, int days) {
    Task task = engine.getTaskService().createTaskQuery().taskId(taskId).singleResult();
    task.setDueDate(new Date(System.currentTimeMillis() + days * 86_400_000L));
    engine.getTaskService().saveTask(task);
  }

  private static Authorization revoke(AuthorizationService authorizations, String user, String group, String taskId) {
    Authorization revoke = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_REVOKE);
    revoke.setUserId(user);
    revoke.setGroupId(group);
    revoke.setResource(Resources.TASK);
    revoke.setResourceId(taskId);
    revoke.removePermission(Permissions.READ);
    authorizations.saveAuthorization(revoke);
    return revoke;
  }

  private Authorization groupGrant(String group, String taskId) {
    return engine.getAuthorizationService().createAuthorizationQuery().authorizationType(Authorization.AUTH_TYPE_GRANT)
        .groupIdIn(group).resourceType(Resources.TASK).resourceId(taskId).singleResult();
  }

  /** Records, on this thread while started, the SQL of each task list or count and variable list the engine sends. */
  @Intercepts(@Signature(type = Executor.class, method = "query",
      args = {MappedStatement.class, Object.class, RowBounds.class, ResultHandler.class}))
  static final class TaskSql implements Interceptor {

    final List<String> taskQueries = new ArrayList<>();
    final List<String> variableQueries = new ArrayList<>();
    private volatile Thread recording;

    void start() {
      taskQueries.clear();
      variableQueries.clear();
      recording = Thread.currentThread();
    }

    void stop() {
      recording = null;
    }

    @Override
    public Object intercept(Invocation invocation) throws Throwable {
      if (recording == Thread.currentThread()) {
        MappedStatement ms = (MappedStatement) invocation.getArgs()[0];
        if (ms.getId().endsWith("selectTaskByQueryCriteria") || ms.getId().endsWith("selectTaskCountByQueryCriteria")) {
          taskQueries.add(ms.getBoundSql(invocation.getArgs()[1]).getSql());
        } else if (ms.getId().endsWith("selectVariableInstanceByQueryCriteria")) {
          variableQueries.add(ms.getBoundSql(invocation.getArgs()[1]).getSql());
        }
      }
      return invocation.proceed();
    }

    @Override
    public void setProperties(Properties properties) {
      // none
    }
  }
}
