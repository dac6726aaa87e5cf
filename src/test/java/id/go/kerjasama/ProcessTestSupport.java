package id.go.kerjasama;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import id.go.kerjasama.lifecycle.LifecycleProcess;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Base class of process tests: a fixed clock, users created per group on
 * demand, and helpers that act as those users through the Java API with
 * authorization checks on, as Tasklist would.
 */
public abstract class ProcessTestSupport {

  /** Monday 2 February 2026, 09:00 WIB: a working day. */
  public static final Instant DEFAULT_NOW = ZonedDateTime.of(2026, 2, 2, 9, 0, 0, 0,
      java.time.ZoneId.of("Asia/Jakarta")).toInstant();

  @Autowired
  protected ProcessEngine processEngine;

  @BeforeEach
  void initEngineAndClock() {
    init(processEngine);
    setClock(DEFAULT_NOW);
  }

  @AfterEach
  void resetClockAndUser() {
    ClockUtil.reset();
    processEngine.getIdentityService().clearAuthentication();
  }

  protected void setClock(Instant now) {
    ClockUtil.setCurrentTime(Date.from(now));
  }

  protected LocalDate today() {
    return id.go.kerjasama.platform.time.BusinessClock.today();
  }

  /** The test user of a group: {@code t-<group>}, created on first use. */
  protected String userOf(String group) {
    IdentityService identity = processEngine.getIdentityService();
    String userId = "t-" + group;
    if (identity.createUserQuery().userId(userId).count() == 0) {
      User user = identity.newUser(userId);
      user.setFirstName("Test");
      user.setLastName(group);
      user.setEmail(userId + "@kerjasama.test");
      user.setPassword("Rahasia-Uji-42");
      identity.saveUser(user);
      identity.createMembership(userId, group);
    }
    return userId;
  }

  /** Runs as the test user of {@code group}, as Tasklist or REST would. */
  protected void actAs(String group) {
    String userId = userOf(group);
    List<String> groups = processEngine.getIdentityService().createGroupQuery().groupMember(userId).list()
        .stream().map(Group::getId).toList();
    processEngine.getIdentityService().setAuthentication(userId, groups);
  }

  protected void actAsSystem() {
    processEngine.getIdentityService().clearAuthentication();
  }

  /** The start form's values of a valid proposal, to be changed per test. */
  protected Map<String, Object> proposal(String type, String proposerGroup, String... locationCodes) {
    Map<String, Object> v = new HashMap<>();
    v.put(LifecycleProcess.FIELD_TYPE, type);
    v.put(LifecycleProcess.FIELD_TITLE, "Program peningkatan kapasitas " + type.toLowerCase());
    v.put(LifecycleProcess.FIELD_PARTNER_NAME, "Mitra " + type);
    v.put(LifecycleProcess.FIELD_PARTNER_COUNTRY, type.equals("DALAM_NEGERI") ? "Indonesia" : "Jepang");
    v.put(LifecycleProcess.FIELD_PROPOSER_UNIT, proposerGroup);
    v.put(LifecycleProcess.FIELD_LOCATION_PROVINCES, List.of(locationCodes));
    v.put(LifecycleProcess.FIELD_SECTORS, List.of("PENDIDIKAN", "KESEHATAN"));
    v.put(LifecycleProcess.FIELD_PROPOSED_START, today().plusMonths(1).toString());
    v.put(LifecycleProcess.FIELD_DURATION_MONTHS, 24L);
    return v;
  }

  /** Submits a proposal as the test user of {@code asGroup}. */
  protected ProcessInstance submit(String asGroup, Map<String, Object> form) {
    actAs(asGroup);
    ProcessInstance started;
    try {
      started = processEngine.getFormService().submitStartForm(
          processEngine.getRepositoryService().createProcessDefinitionQuery()
              .processDefinitionKey(LifecycleProcess.PROCESS_KEY).latestVersion().singleResult().getId(),
          form);
    } finally {
      actAsSystem();
    }
    runContinuations();
    return started;
  }

  /** The one open task of the agreement with that task definition key (any phase). */
  protected Task openTask(String businessKey, String taskDefinitionKey) {
    return processEngine.getTaskService().createTaskQuery()
        .processInstanceBusinessKey(businessKey)
        .taskDefinitionKey(taskDefinitionKey)
        .singleResult();
  }

  /** Claims and completes the task as the test user of {@code group}, with the form's values. */
  protected void complete(String group, Task task, Map<String, Object> formValues) {
    actAs(group);
    try {
      processEngine.getTaskService().claim(task.getId(), userOf(group));
      processEngine.getFormService().submitTaskForm(task.getId(), formValues);
    } finally {
      actAsSystem();
    }
    runContinuations();
  }

  /**
   * Runs, as the job executor would, the follow-up work that the asynchronous
   * continuations ({@code kerjasama.engine.async-continuations}, on by default;
   * platform/engine/AsyncContinuationsPlugin) left as jobs: executes the
   * executable message jobs of every process instance, one at a time, until
   * none is left (the job executor is off here), so the
   * next task, the called phase and the registry writes are there, as they
   * are a moment after a submit in production. Each job must succeed: a
   * failure is thrown here (in production it would be retried and then
   * become an incident). The mail jobs ({@code mail-notification}) are left
   * alone: tests read the queued mails and run those jobs themselves.
   * Call it after any act that continues a process outside these helpers
   * (a timer fired by hand, a message correlated, a process started).
   */
  protected void runContinuations() {
    org.camunda.bpm.engine.ManagementService management = processEngine.getManagementService();
    for (int round = 0; round < 1000; round++) {
      List<org.camunda.bpm.engine.runtime.Job> jobs = management.createJobQuery().messages().executable().active()
          .orderByJobPriority().desc().list().stream()
          .filter(job -> job.getProcessInstanceId() != null
              && !"mail-notification".equals(job.getProcessDefinitionKey()))
          .toList();
      if (jobs.isEmpty()) {
        return;
      }
      management.executeJob(jobs.get(0).getId());
    }
    throw new AssertionError("The follow-up jobs did not come to an end after 1000 jobs");
  }

  /** A review form's values; a task without a decision field gets only the notes ({@code decision} null). */
  protected static Map<String, Object> decision(String decision, String notes) {
    Map<String, Object> v = new HashMap<>();
    if (decision != null) {
      v.put("decision", decision);
    }
    if (notes != null) {
      v.put("notes", notes);
    }
    return v;
  }
}
