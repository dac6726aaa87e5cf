package id.go.kerjasama.operations;

import id.go.kerjasama.platform.identity.PeopleNames;
import id.go.kerjasama.evaluation.EvaluationService;
import id.go.kerjasama.evaluation.Rating;
import id.go.kerjasama.evaluation.Recommendation;
import id.go.kerjasama.lifecycle.LifecycleProcess;
import id.go.kerjasama.platform.identity.Organisations;
import id.go.kerjasama.platform.identity.Unit;
import id.go.kerjasama.platform.identity.UnitLevel;
import id.go.kerjasama.platform.security.SystemAccess;
import id.go.kerjasama.platform.time.BusinessClock;
import id.go.kerjasama.platform.web.NotFoundException;
import id.go.kerjasama.registry.AgreementEvent;
import id.go.kerjasama.registry.AgreementFigures;
import id.go.kerjasama.registry.AgreementService;
import id.go.kerjasama.registry.CooperationType;
import id.go.kerjasama.registry.Phase;
import id.go.kerjasama.registry.Status;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.springframework.stereotype.Service;

/**
 * The supervisors' view of the whole portfolio, for the Cockpit dashboard
 * plugin: read-only figures that the registry ({@code AgreementFigures}) and
 * evaluation ({@code EvaluationService}) count in their own tables, and the
 * engine's open tasks past their due date (counted by one grouped query) and
 * finished instances. Labels are in Bahasa Indonesia.
 */
@Service
public class DashboardService {

  static final String NO_PROVINCE = "-";
  /** The agreements ending within 12 months that the dashboard names. */
  static final int ENDING_SOON_SHOWN = 50;

  private final AgreementFigures figures;
  private final EvaluationService evaluationService;

  private final HistoryService historyService;
  private final IdentityService identityService;
  private final AgreementService agreementService;
  private final Organisations organisations;

  public DashboardService(AgreementFigures figures, EvaluationService evaluationService, HistoryService historyService,
                          IdentityService identityService, AgreementService agreementService,
                          Organisations organisations) {
    this.figures = figures;
    this.evaluationService = evaluationService;
    this.historyService = historyService;
    this.identityService = identityService;
    this.agreementService = agreementService;
    this.organisations = organisations;
  }

  /** One bar of a chart. */
  /** One choice of a filter of the agreement table: the API's value and its Indonesian label. */
  public record Option(String value, String label) {
  }

  /** The choices of the dashboard's agreement table filters (the values {@code GET /api/agreements} takes). */
  public record SearchOptions(List<Option> types, List<Option> phases, List<Option> statuses,
                              List<Option> provinces) {
  }

  /** The filters' choices: every type, phase and status with its label, the provinces by name. */
  public SearchOptions searchOptions() {
    return new SearchOptions(
        Arrays.stream(CooperationType.values()).map(t -> new Option(t.name(), t.label())).toList(),
        Arrays.stream(Phase.values()).map(p -> new Option(p.name(), p.label())).toList(),
        Arrays.stream(Status.values()).map(s -> new Option(s.name(), s.label())).toList(),
        organisations.byLevel(UnitLevel.PROVINCE).stream()
            .map(u -> new Option(u.group(), u.name().replaceFirst("^Provinsi ", "")))
            .sorted(Comparator.comparing(Option::label)).toList());
  }

  public record Bar(String key, String label, long value) {
  }

  /** One phase, split by cooperation type (a stacked bar). */
  public record PhaseRow(String phase, String label, Map<String, Long> byType, long total) {
  }

  /** An agreement that ends soon. */
  public record Ending(String registrationNumber, String title, String typeLabel, String endDate, long daysLeft,
                      List<String> provinces) {
  }

  /** The charts of the dashboard. */
  public record Dashboard(String generatedAt, long totalAgreements, long runningAgreements,
                          Map<String, String> typeLabels, List<PhaseRow> byPhaseAndType, List<Bar> byType,
                          List<Bar> byProvince, long overdueTasks, List<Bar> overdueByProvince,
                          long endingWithin6Months, long endingWithin12Months, List<Bar> ending,
                          List<Ending> endingSoon, List<Bar> ratings, List<Bar> recommendations,
                          long ratedAgreements, String ratingsSource) {
  }

  /** A finished lifecycle instance with its agreement. */
  public record Finished(String processInstanceId, String registrationNumber, String title, String typeLabel,
                         String statusLabel, String statusReason, String startTime, String endTime, long days) {
  }

  /** One phase instance (called process) of a lifecycle. */
  public record PhaseInstance(String processKey, String name, String startTime, String endTime, String state) {
  }

  /** One task of a lifecycle, from the engine's history. */
  public record TaskRecord(String name, String assignee, String startTime, String endTime, String dueDate) {
  }

  /** One decision of the audit trail. */
  public record TimelineEntry(String occurredAt, String actor, String phaseLabel, String activityName,
                              String outcome, String notes) {
  }

  /** The history of one finished (or running) lifecycle instance. */
  public record History(Finished instance, List<PhaseInstance> phases, List<TaskRecord> tasks,
                        List<TimelineEntry> timeline, Map<String, String> people) {
  }

  public Dashboard dashboard() {
    return SystemAccess.call(identityService, this::build);
  }

  private Dashboard build() {
    LocalDate today = BusinessClock.today();

    Map<String, String> typeLabels = new LinkedHashMap<>();
    for (CooperationType t : CooperationType.values()) {
      typeLabels.put(t.name(), t.label());
    }

    List<AgreementFigures.PhaseTypeStatusCount> counts = figures.countByPhaseTypeAndStatus();
    long total = counts.stream().mapToLong(AgreementFigures.PhaseTypeStatusCount::count).sum();
    long runningCount = counts.stream().filter(c -> !isFinal(c.status()))
        .mapToLong(AgreementFigures.PhaseTypeStatusCount::count).sum();
    List<PhaseRow> byPhase = new ArrayList<>();
    for (Phase phase : Phase.values()) {
      Map<String, Long> byType = new LinkedHashMap<>();
      for (CooperationType t : CooperationType.values()) {
        byType.put(t.name(), counts.stream().filter(c -> phase.name().equals(c.phase()) && t.name().equals(c.type()))
            .mapToLong(AgreementFigures.PhaseTypeStatusCount::count).sum());
      }
      byPhase.add(new PhaseRow(phase.name(), phase.label(), byType,
          byType.values().stream().mapToLong(Long::longValue).sum()));
    }
    List<Bar> byType = new ArrayList<>();
    for (CooperationType t : CooperationType.values()) {
      byType.add(new Bar(t.name(), t.label(), counts.stream().filter(c -> t.name().equals(c.type()))
          .mapToLong(AgreementFigures.PhaseTypeStatusCount::count).sum()));
    }

    Map<String, Long> perProvince = new TreeMap<>();
    for (AgreementFigures.ProvincesCount c : figures.countRunningByProvinces()) {
      for (String p : provincesOf(c.provinces())) {
        perProvince.merge(p, c.count(), Long::sum);
      }
    }

    Map<String, Long> overduePerProvince = new TreeMap<>();
    long overdue = countOverdueTasks(overduePerProvince);

    long within6 = figures.countActiveEnding(today, today.plusMonths(6));
    long within12 = figures.countActiveEnding(today, today.plusMonths(12));
    List<Ending> endingSoon = figures.activeEnding(today, today.plusMonths(12), ENDING_SOON_SHOWN).stream()
        .map(r -> new Ending(r.registrationNumber(), r.title(), typeLabels.get(r.type()), r.endDate().toString(),
            ChronoUnit.DAYS.between(today, r.endDate()),
            provincesOf(r.provinces()).stream().map(this::provinceName).toList()))
        .toList();
    List<Bar> ending = List.of(
        new Bar("6", "Dalam 6 bulan", within6),
        new Bar("12", "Dalam 12 bulan", within12));

    // the latest rated evaluation of each agreement (evaluation table, 7-criteria instrument)
    Map<String, Long> ratingCounts = new LinkedHashMap<>();
    for (Rating r : Rating.values()) {
      ratingCounts.put(r.name(), 0L);
    }
    Map<String, Long> recommendationCounts = new LinkedHashMap<>();
    for (Recommendation r : Recommendation.values()) {
      recommendationCounts.put(r.name(), 0L);
    }
    long rated = 0;
    for (EvaluationService.RatingCount c : evaluationService.countLatestRatings()) {
      rated += c.count();
      ratingCounts.merge(c.rating(), c.count(), Long::sum);
      if (c.recommendation() != null) {
        recommendationCounts.merge(c.recommendation(), c.count(), Long::sum);
      }
    }
    List<Bar> ratings = ratingCounts.entrySet().stream()
        .map(e -> new Bar(e.getKey(), label(Rating.class, e.getKey()), e.getValue())).toList();
    List<Bar> recommendations = recommendationCounts.entrySet().stream()
        .map(e -> new Bar(e.getKey(), label(Recommendation.class, e.getKey()), e.getValue())).toList();

    return new Dashboard(BusinessClock.now().toString(), total, runningCount, typeLabels, byPhase, byType,
        bars(perProvince), overdue, bars(overduePerProvince), within6, within12, ending, endingSoon, ratings,
        recommendations, rated,
        "Penilaian evaluasi terakhir tiap kerja sama (instrumen 7 kriteria, dinilai oleh Fasker)");
  }

  /**
   * Counts the open tasks past their due date into {@code perProvince} (by
   * the provinces of their agreement) with one grouped query, and returns how
   * many there are.
   */
  private long countOverdueTasks(Map<String, Long> perProvince) {
    long overdue = 0;
    for (AgreementFigures.ProvincesCount c : figures.countTasksDueBeforeByProvinces(BusinessClock.now())) {
      overdue += c.count();
      for (String p : provincesOf(c.provinces())) {
        perProvince.merge(p, c.count(), Long::sum);
      }
    }
    return overdue;
  }

  /** Finished lifecycle instances, most recent first. */
  public List<Finished> finished(int max) {
    return SystemAccess.call(identityService, () -> {
      List<HistoricProcessInstance> done = historyService.createHistoricProcessInstanceQuery()
          .processDefinitionKey(LifecycleProcess.PROCESS_KEY).finished()
          .orderByProcessInstanceEndTime().desc().listPage(0, Math.max(1, Math.min(max, 500)));
      Map<String, AgreementFigures.Summary> byNumber = figures.byRegistrationNumbers(
          done.stream().map(HistoricProcessInstance::getBusinessKey).toList());
      return done.stream().map(h -> finished(h, byNumber.get(h.getBusinessKey()))).toList();
    });
  }

  /** The history of one lifecycle instance: its phases, its tasks and the audit trail. */
  public History history(String processInstanceId) {
    return SystemAccess.call(identityService, () -> {
      HistoricProcessInstance root = historyService.createHistoricProcessInstanceQuery()
          .processInstanceId(processInstanceId).singleResult();
      if (root == null || !LifecycleProcess.PROCESS_KEY.equals(root.getProcessDefinitionKey())) {
        throw new NotFoundException("Riwayat " + processInstanceId + " tidak ditemukan");
      }
      AgreementFigures.Summary row = root.getBusinessKey() == null ? null
          : figures.byRegistrationNumbers(List.of(root.getBusinessKey())).get(root.getBusinessKey());
      List<PhaseInstance> phases = historyService.createHistoricProcessInstanceQuery()
          .superProcessInstanceId(processInstanceId).orderByProcessInstanceStartTime().asc().list().stream()
          .map(p -> new PhaseInstance(p.getProcessDefinitionKey(), p.getProcessDefinitionName(), time(p.getStartTime()),
              time(p.getEndTime()), p.getState()))
          .toList();
      List<String> instanceIds = new ArrayList<>();
      instanceIds.add(processInstanceId);
      historyService.createHistoricProcessInstanceQuery().superProcessInstanceId(processInstanceId).list()
          .forEach(p -> instanceIds.add(p.getId()));
      List<TaskRecord> tasks = new ArrayList<>();
      for (String id : instanceIds) {
        for (HistoricTaskInstance t : historyService.createHistoricTaskInstanceQuery().processInstanceId(id).list()) {
          tasks.add(new TaskRecord(t.getName(), t.getAssignee(), time(t.getStartTime()), time(t.getEndTime()),
              time(t.getDueDate())));
        }
      }
      tasks.sort(Comparator.comparing(TaskRecord::startTime, Comparator.nullsLast(Comparator.naturalOrder())));
      List<TimelineEntry> timeline = row == null ? List.of() : agreementService.events(row.id()).stream()
          .map(this::entry).toList();
      List<String> userIds = new ArrayList<>();
      tasks.forEach(t -> userIds.add(t.assignee()));
      timeline.forEach(e -> userIds.add(e.actor()));
      return new History(finished(root, row), phases, tasks, timeline, PeopleNames.of(identityService, userIds));
    });
  }

  private TimelineEntry entry(AgreementEvent e) {
    return new TimelineEntry(e.occurredAt().toString(), e.actor(), e.phase().label(), e.activityName(), e.outcome(),
        e.notes());
  }

  private Finished finished(HistoricProcessInstance h, AgreementFigures.Summary row) {
    long days = h.getStartTime() == null || h.getEndTime() == null ? 0
        : Duration.between(h.getStartTime().toInstant(), h.getEndTime().toInstant()).toDays();
    return new Finished(h.getId(), h.getBusinessKey(), row == null ? null : row.title(),
        row == null ? null : CooperationType.valueOf(row.type()).label(),
        row == null ? null : Status.valueOf(row.status()).label(), row == null ? null : row.statusReason(),
        time(h.getStartTime()), time(h.getEndTime()), days);
  }

  private static <E extends Enum<E>> String label(Class<E> type, String name) {
    try {
      Enum<E> value = Enum.valueOf(type, name);
      return value instanceof Rating r ? r.label() : ((Recommendation) value).label();
    } catch (IllegalArgumentException e) {
      return name;
    }
  }

  private static boolean isFinal(String status) {
    try {
      return Status.valueOf(status).isFinal();
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static List<String> provincesOf(List<String> provinces) {
    return provinces.isEmpty() ? List.of(NO_PROVINCE) : provinces;
  }

  private String provinceName(String group) {
    if (NO_PROVINCE.equals(group)) {
      return "Tanpa provinsi";
    }
    return organisations.find(group).map(Unit::name).map(n -> n.replaceFirst("^Provinsi ", "")).orElse(group);
  }

  private List<Bar> bars(Map<String, Long> counts) {
    return counts.entrySet().stream()
        .map(e -> new Bar(e.getKey(), provinceName(e.getKey()), e.getValue()))
        .sorted(Comparator.comparing(Bar::value).reversed().thenComparing(Bar::label))
        .toList();
  }

  private static String time(java.util.Date date) {
    return date == null ? null : date.toInstant().toString();
  }

  static Instant now() {
    return BusinessClock.now();
  }
}
