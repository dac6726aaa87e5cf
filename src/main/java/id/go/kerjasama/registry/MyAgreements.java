package id.go.kerjasama.registry;

import id.go.kerjasama.platform.forms.IndonesianFormat;
import id.go.kerjasama.platform.security.SystemAccess;
import id.go.kerjasama.platform.web.InvalidInputException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Service;

/**
 * "Kerja sama saya" (docs/api.md "My agreements"): the agreements in which
 * one of the reader's own units is a party -- the proposing unit, the KSDD
 * partner region, the partner ministry (Mitra Utama) or the foreign NGO --
 * with their phase and the next open task (its name, the group it is offered
 * to and its due date). The scope comes from the reader's groups on the
 * server, never from a request parameter; cooperation the reader only follows
 * (a location province, a regency's province, a central reviewer) is not
 * "its own" and stays in the registry search.
 */
@Service
public class MyAgreements {

  static final ZoneId JAKARTA = ZoneId.of("Asia/Jakarta");
  static final int MAX_SIZE = 50;

  private final AgreementSearch search;
  private final TaskService taskService;
  private final IdentityService identityService;
  private final RuntimeService runtimeService;

  public MyAgreements(AgreementSearch search, @Lazy TaskService taskService, @Lazy IdentityService identityService,
                      @Lazy RuntimeService runtimeService) {
    this.search = search;
    this.taskService = taskService;
    this.runtimeService = runtimeService;
    this.identityService = identityService;
  }

  /** The next open task of an agreement: the earliest due (tasks without a due date last), then the oldest. */
  public record NextTask(String taskId, String name, String processDefinitionKey, List<Map<String, String>> groups,
                         String assignee, LocalDate due, String dueText, boolean overdue) {
  }

  /** One of the reader's own agreements. */
  public record MyAgreement(long id, String registrationNumber, String title, CooperationType type, String typeLabel,
                            String proposerUnit, Phase phase, String phaseLabel, Status status, String statusLabel,
                            LocalDate endDate, String endDateText, int openTasks, NextTask nextTask,
                            String detailUrl) {
  }

  public record MyAgreementPage(List<MyAgreement> items, int page, int size, long totalItems, int totalPages) {
  }

  public MyAgreementPage page(List<String> ownGroups, String text, int page, int size) {
    if (size > MAX_SIZE) {
      throw new InvalidInputException(List.of("Ukuran halaman 1 sampai " + MAX_SIZE));
    }
    AgreementPage found = search.own(ownGroups, text, page, size);
    List<String> keys = found.items().stream().map(AgreementSummary::registrationNumber)
        .filter(Objects::nonNull).toList();
    Map<String, List<Task>> tasks = openTasks(keys);
    List<MyAgreement> items = new ArrayList<>();
    for (AgreementSummary a : found.items()) {
      List<Task> open = tasks.getOrDefault(a.registrationNumber(), List.of());
      items.add(new MyAgreement(a.id(), a.registrationNumber(), a.title(), a.type(), a.typeLabel(), a.proposerUnit(),
          a.phase(), a.phaseLabel(), a.status(), a.statusLabel(), a.endDate(),
          a.endDate() == null ? null : IndonesianFormat.date(a.endDate()), open.size(),
          open.isEmpty() ? null : next(open.get(0)), a.detailUrl()));
    }
    return new MyAgreementPage(items, found.page(), found.size(), found.totalItems(), found.totalPages());
  }

  /**
   * The open tasks of the lifecycle and of every phase it calls, by
   * registration number (the business key, handed to each phase), soonest
   * due first. Read as the system: the next task is often another unit's
   * (Fasker's review), which the reader may not see in Tasklist, but may
   * know it waits there.
   */
  private Map<String, List<Task>> openTasks(List<String> businessKeys) {
    if (businessKeys.isEmpty()) {
      return Map.of();
    }
    List<Task> tasks = SystemAccess.call(identityService, () -> taskService.createTaskQuery()
        .processInstanceBusinessKeyIn(businessKeys.toArray(String[]::new)).active().list());
    Map<String, String> keyOfInstance = SystemAccess.call(identityService, () -> keysOf(tasks));
    return tasks.stream()
        .filter(t -> keyOfInstance.get(t.getProcessInstanceId()) != null)
        .sorted(Comparator.comparing(Task::getDueDate, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(Task::getCreateTime, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(Task::getId))
        .collect(Collectors.groupingBy(t -> keyOfInstance.get(t.getProcessInstanceId()), LinkedHashMap::new,
            Collectors.toList()));
  }

  private Map<String, String> keysOf(List<Task> tasks) {
    Map<String, String> keys = new LinkedHashMap<>();
    List<String> ids = tasks.stream().map(Task::getProcessInstanceId).filter(Objects::nonNull).distinct().toList();
    if (!ids.isEmpty()) {
      runtimeService.createProcessInstanceQuery().processInstanceIds(new java.util.HashSet<>(ids)).list()
          .forEach(instance -> keys.put(instance.getId(), instance.getBusinessKey()));
    }
    return keys;
  }

  private NextTask next(Task task) {
    List<Map<String, String>> groups = SystemAccess.call(identityService, () -> {
      List<String> ids = taskService.getIdentityLinksForTask(task.getId()).stream()
          .filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()) && l.getGroupId() != null)
          .map(IdentityLink::getGroupId).distinct().sorted().toList();
      Map<String, String> names = ids.isEmpty() ? Map.of() : identityService.createGroupQuery()
          .groupIdIn(ids.toArray(String[]::new)).list().stream()
          .collect(Collectors.toMap(Group::getId, g -> g.getName() == null ? g.getId() : g.getName()));
      List<Map<String, String>> list = new ArrayList<>();
      for (String id : ids) {
        Map<String, String> group = new LinkedHashMap<>();
        group.put("id", id);
        group.put("name", names.getOrDefault(id, id));
        list.add(group);
      }
      return list;
    });
    LocalDate due = task.getDueDate() == null ? null : task.getDueDate().toInstant().atZone(JAKARTA).toLocalDate();
    String definitionKey = task.getProcessDefinitionId() == null ? null
        : task.getProcessDefinitionId().split(":")[0];
    return new NextTask(task.getId(), task.getName(), definitionKey, groups, task.getAssignee(), due,
        due == null ? null : IndonesianFormat.date(due), task.getDueDate() != null && task.getDueDate().before(new Date()));
  }
}
