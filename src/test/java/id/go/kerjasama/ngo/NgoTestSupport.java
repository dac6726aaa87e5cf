package id.go.kerjasama.ngo;

import static org.assertj.core.api.Assertions.assertThat;

import id.go.kerjasama.ProcessTestSupport;
import id.go.kerjasama.approval.ApprovalProcess;
import id.go.kerjasama.documents.DocumentService;
import id.go.kerjasama.lifecycle.LifecycleProcess;
import id.go.kerjasama.registry.Agreement;
import id.go.kerjasama.registry.AgreementService;
import id.go.kerjasama.registry.DocumentKind;
import id.go.kerjasama.signing.SigningProcess;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Helpers of the NGO tests: NGOs registered per test (unique codes), their
 * cooperations proposed by Kemensos in provinces 18 (Lampung) and 65
 * (Kalimantan Utara), and the steps of central approval and signing.
 */
abstract class NgoTestSupport extends ProcessTestSupport {

  static final String MINISTRY = "ministry-kemensos";
  static final String COORDINATOR = "tpoa-kemlu";
  static final String PROVINCE = "province-18";
  static final String OTHER_PROVINCE = "province-65";
  static final byte[] PDF = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes();
  private static final AtomicInteger SEQUENCE = new AtomicInteger();

  @Autowired
  NgoRegistry registry;
  @Autowired
  NgoPermits permits;
  @Autowired
  NgoObligations obligations;
  @Autowired
  AgreementService agreements;
  @Autowired
  DocumentService documents;

  /** A new NGO with a unique code; its staff user is {@code t-<group>}. */
  Ngo newNgo(String name) {
    actAsSystem();
    String code = "uji-" + System.nanoTime() % 1_000_000 + "-" + SEQUENCE.incrementAndGet();
    Ngo ngo = registry.register(NewNgo.read(TestNgos.germanAssociation(code, name)), "t-fasker");
    userOf(ngo.groupId());
    return ngo;
  }

  /** Kemensos proposes a foreign-NGO cooperation with the NGO, located in province 18. */
  ProcessInstance propose(Ngo ngo) {
    Map<String, Object> form = proposal("ORMAS_ASING", MINISTRY, "18");
    form.put(LifecycleProcess.FIELD_NGO, ngo.groupId());
    return submit(MINISTRY, form);
  }

  Task task(ProcessInstance pi, String key) {
    Task task = openTask(pi.getBusinessKey(), key);
    assertThat(task).as("open task " + key).isNotNull();
    return task;
  }

  List<Task> tasks(ProcessInstance pi, String key) {
    return processEngine.getTaskService().createTaskQuery().processInstanceBusinessKey(pi.getBusinessKey())
        .taskDefinitionKey(key).list();
  }

  /** The TPOA seat of a recommendation task (its one candidate group). */
  String seat(Task task) {
    return processEngine.getTaskService().getIdentityLinksForTask(task.getId()).stream()
        .filter(l -> l.getGroupId() != null).findFirst().orElseThrow().getGroupId();
  }

  /** File check, every TPOA seat without objection, the coordinator grants the permit until {@code validUntil}. */
  void approveWithTpoa(ProcessInstance pi, LocalDate validUntil) {
    complete(MINISTRY, task(pi, ApprovalProcess.TASK_CHECK_FILE_COMPLETE), decision("COMPLETE", null));
    List<Task> seats = tasks(pi, ApprovalProcess.TASK_RECOMMEND_PERMIT);
    assertThat(seats).hasSize(7);
    for (Task t : seats) {
      complete(seat(t), t, decision("NO_OBJECTION", null));
    }
    Map<String, Object> grant = decision("GRANTED", null);
    grant.put("validUntil", validUntil.toString());
    complete(COORDINATOR, task(pi, ApprovalProcess.TASK_DECIDE_PRINCIPLE_PERMIT), grant);
  }

  Agreement agreementOf(ProcessInstance pi) {
    return agreements.findByRegistrationNumber(pi.getBusinessKey()).orElseThrow();
  }

  /** Drafts and approves the MSP, uploads the signed one; the recording is left to the test. */
  void prepareMsp(ProcessInstance pi) {
    Agreement agreement = agreementOf(pi);
    documents.upload(agreement.id(), DocumentKind.MSP_DRAFT, "rancangan.pdf", PDF, "t-uploader");
    complete(MINISTRY, task(pi, SigningProcess.TASK_DRAFT_MSP), decision(null, "Rancangan"));
    complete(MINISTRY, task(pi, SigningProcess.TASK_REVIEW_MSP_DRAFT), decision("APPROVED", null));
    documents.upload(agreement.id(), DocumentKind.MSP, "msp.pdf", PDF, "t-uploader");
  }

  void recordMsp(ProcessInstance pi, LocalDate end) {
    Map<String, Object> v = new HashMap<>();
    v.put("documentNumber", "MSP-" + pi.getBusinessKey());
    v.put("signatories", "Menteri Sosial, Country Director");
    v.put("signedOn", today().toString());
    v.put("startDate", today().toString());
    v.put("endDate", end.toString());
    complete(MINISTRY, task(pi, SigningProcess.TASK_RECORD_MSP), v);
  }

  /** Starts a process through its start form as the test user of {@code group}. */
  ProcessInstance start(String processKey, String group, Map<String, Object> form) {
    actAs(group);
    ProcessInstance started;
    try {
      started = processEngine.getFormService().submitStartForm(processEngine.getRepositoryService()
          .createProcessDefinitionQuery().processDefinitionKey(processKey).latestVersion().singleResult().getId(), form);
    } finally {
      actAsSystem();
    }
    runContinuations();
    return started;
  }

  Task ngoTask(ProcessInstance pi, String key) {
    Task task = processEngine.getTaskService().createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(key)
        .singleResult();
    assertThat(task).as("open task " + key).isNotNull();
    return task;
  }

  List<Task> ngoTasks(ProcessInstance pi, String key) {
    return processEngine.getTaskService().createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey(key)
        .list();
  }

  static Map<String, Object> values(Object... keysAndValues) {
    Map<String, Object> v = new HashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      v.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return v;
  }

  /** Switches to the test user of {@code group} (created as the system if new). */
  void actAsUser(String group) {
    actAsSystem();
    actAs(group);
  }

  Ngo reload(Ngo ngo) {
    return registry.get(ngo.id());
  }

  NgoPermit principle(Ngo ngo) {
    return permits.latestPrinciplePermit(ngo.id()).orElseThrow();
  }

  List<String> eventActivities(Ngo ngo) {
    return registry.events(ngo.id()).stream().map(NgoEvent::activity).toList();
  }
}
