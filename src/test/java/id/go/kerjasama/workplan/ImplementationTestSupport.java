package id.go.kerjasama.workplan;

import id.go.kerjasama.ProcessTestSupport;
import id.go.kerjasama.monitoring.MonitoringProcess;
import id.go.kerjasama.platform.identity.Organisations;
import id.go.kerjasama.platform.identity.Unit;
import id.go.kerjasama.platform.notification.Notification;
import id.go.kerjasama.platform.notification.NotificationKind;
import id.go.kerjasama.platform.notification.NotificationRepository;
import id.go.kerjasama.platform.notification.Recipient;
import id.go.kerjasama.registry.Agreement;
import id.go.kerjasama.registry.AgreementService;
import id.go.kerjasama.registry.CooperationType;
import id.go.kerjasama.registry.NewProposal;
import id.go.kerjasama.registry.ProcessVariables;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Process tests of the implementation phases: agreements registered and
 * signed straight in the registry, the phase processes started as the
 * lifecycle starts them (all its variables, plus {@code cycleYear}).
 */
public abstract class ImplementationTestSupport extends ProcessTestSupport {

  @Autowired
  protected AgreementService agreements;
  @Autowired
  protected WorkPlanService workPlans;
  @Autowired
  protected Organisations organisations;
  @Autowired
  protected NotificationRepository notifications;

  /** A signed agreement valid from {@code start} for two years. */
  protected Agreement signedAgreement(CooperationType type, String proposer, LocalDate start, String... provinces) {
    Unit unit = organisations.find(proposer).orElseThrow();
    NewProposal proposal = new NewProposal(type, "Program uji pelaksanaan " + type.name().toLowerCase(),
        "Mitra " + type.name(), type == CooperationType.DALAM_NEGERI ? "Indonesia" : "Jepang", proposer,
        unit.provinceGroup(), type == CooperationType.ORMAS_ASING ? proposer : null, List.of(provinces),
        List.of("PENDIDIKAN"), start, 24, false);
    Agreement agreement = agreements.register(proposal, "t-test", null);
    String kind = switch (type) {
      case ORMAS_ASING -> "MSP";
      case LUAR_NEGERI, KSDPL, KSDLL -> "MOU";
      case DALAM_NEGERI, KSDD, KSDPK -> "PKS";
    };
    agreements.recordSigning(agreement.id(), kind, kind + "-" + agreement.id() + "/2026", "Para pihak", start, start,
        start.plusMonths(24));
    return agreements.get(agreement.id());
  }

  /** The variables the lifecycle passes to every phase. */
  protected Map<String, Object> lifecycleVariables(Agreement agreement, Integer cycleYear) {
    Map<String, Object> v = new HashMap<>();
    v.put(ProcessVariables.AGREEMENT_ID, agreement.id());
    v.put(ProcessVariables.REGISTRATION_NUMBER, agreement.registrationNumber());
    v.put(ProcessVariables.COOPERATION_TYPE, agreement.type().name());
    v.put(ProcessVariables.PROPOSER_GROUP, agreement.proposerUnit());
    v.put(ProcessVariables.PROPOSER_LEVEL, organisations.find(agreement.proposerUnit()).orElseThrow().level().name());
    v.put(ProcessVariables.PROVINCE_GROUP, agreement.proposerProvince());
    v.put(ProcessVariables.PARTNER_MINISTRY_GROUP, agreement.partnerMinistry());
    if (cycleYear != null) {
      v.put(ProcessVariables.CYCLE_YEAR, cycleYear);
    }
    return v;
  }

  protected ProcessInstance startWorkPlan(Agreement agreement, Integer cycleYear) {
    return processEngine.getRuntimeService().startProcessInstanceByKey(WorkPlanProcess.PROCESS_KEY,
        agreement.registrationNumber(), lifecycleVariables(agreement, cycleYear));
  }

  protected ProcessInstance startMonitoring(Agreement agreement, Integer cycleYear) {
    return processEngine.getRuntimeService().startProcessInstanceByKey(MonitoringProcess.PROCESS_KEY,
        agreement.registrationNumber(), lifecycleVariables(agreement, cycleYear));
  }

  /** The draft form's values of a valid plan for the whole year. */
  protected static Map<String, Object> planForm(int year, ReportFrequency frequency) {
    Map<String, Object> v = new HashMap<>();
    v.put("objectives", "Meningkatkan kapasitas aparatur daerah");
    v.put("targets", "200 aparatur terlatih di tiga kabupaten");
    v.put("activities", "Pelatihan, pendampingan teknis, lokakarya");
    v.put("budgetAmount", 1_500_000_000L);
    v.put("budgetCurrency", "IDR");
    v.put("planStart", year + "-01-01");
    v.put("planEnd", year + "-12-31");
    v.put("schedule", "Triwulan I persiapan, triwulan II-IV pelaksanaan");
    v.put("reportFrequency", frequency.name());
    v.put("masterPlanReference", "RIK 2026-2028 No. 12/RIK/2026");
    return v;
  }

  /** An approved plan of the year, written straight into the registry. */
  protected WorkPlan approvedPlan(Agreement agreement, int year, ReportFrequency frequency, LocalDate from,
                                  LocalDate to) {
    WorkPlan plan = workPlans.submit(agreement.id(), year, new WorkPlanContent("Tujuan uji", "Target uji",
        "Kegiatan uji", agreement.locationProvinces(), List.of(), new BigDecimal("1000000.00"), "IDR", from, to,
        "Jadwal uji", null, null, frequency, null, null, null), "t-test", null);
    workPlans.approve(plan.id());
    return workPlans.get(plan.id()).orElseThrow();
  }

  /** The values of a complete progress report. */
  protected static Map<String, Object> reportForm(String achievements) {
    Map<String, Object> v = new HashMap<>();
    v.put("achievements", achievements);
    v.put("obstacles", "Tidak ada");
    v.put("challenges", "Cuaca");
    v.put("benefits", "Pelayanan publik lebih cepat");
    v.put("budgetRealised", 250_000_000.5d);
    v.put("budgetCurrency", "IDR");
    return v;
  }

  protected List<Task> openTasks(String businessKey, String taskDefinitionKey) {
    return processEngine.getTaskService().createTaskQuery().processInstanceBusinessKey(businessKey)
        .taskDefinitionKey(taskDefinitionKey).orderByTaskId().asc().list();
  }

  protected String candidateGroup(Task task) {
    List<IdentityLink> links = processEngine.getTaskService().getIdentityLinksForTask(task.getId()).stream()
        .filter(l -> l.getGroupId() != null).toList();
    if (links.size() != 1) {
      throw new AssertionError("Task " + task.getTaskDefinitionKey() + " has candidate groups " + links);
    }
    return links.get(0).getGroupId();
  }

  /** Completes every open task with that key, each as a member of its candidate group. */
  protected void completeEach(String businessKey, String taskDefinitionKey,
                              Function<String, Map<String, Object>> valuesByGroup) {
    for (Task task : openTasks(businessKey, taskDefinitionKey)) {
      String group = candidateGroup(task);
      complete(group, task, valuesByGroup.apply(group));
    }
  }

  protected Map<String, Object> taskVariables(Task task) {
    return processEngine.getTaskService().getVariables(task.getId());
  }

  /** The notifications of a kind queued about the agreement. */
  protected List<Notification> notificationsOf(Agreement agreement, NotificationKind kind) {
    return notifications.byRegistrationNumber(agreement.registrationNumber()).stream()
        .filter(n -> n.kind() == kind).toList();
  }

  protected static List<String> recipients(Notification notification) {
    return notification.recipients().stream().map(Recipient::userId).toList();
  }
}
