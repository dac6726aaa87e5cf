package id.go.kerjasama.workplan;

import static id.go.kerjasama.workplan.WorkPlanProcess.*;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import id.go.kerjasama.platform.engine.TaskOutcome;
import id.go.kerjasama.platform.forms.FormLimits;
import id.go.kerjasama.platform.forms.FormValues;
import id.go.kerjasama.platform.forms.ValidatingTaskEndListener;
import id.go.kerjasama.platform.identity.CurrentUser;
import id.go.kerjasama.platform.identity.Groups;
import id.go.kerjasama.platform.identity.Organisations;
import id.go.kerjasama.platform.identity.Unit;
import id.go.kerjasama.platform.identity.UnitLevel;
import id.go.kerjasama.registry.Agreement;
import id.go.kerjasama.registry.AgreementService;
import id.go.kerjasama.registry.CooperationType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * The draft task of the annual work plan. As its start listener
 * ({@code ${workPlanDraft.prefill(execution)}}) it fills the form with the
 * version being revised (or last year's approved plan) and shows the notes of
 * the reviewers who returned it; as its end listener ({@code ${workPlanDraft}})
 * it checks the plan, stores it in the registry as a new version and takes the
 * form's values out of the process variables. A bad plan keeps the task open
 * with every problem named.
 */
@Component
public class WorkPlanDraft extends ValidatingTaskEndListener {

  private final WorkPlanService workPlans;
  private final AgreementService agreementService;
  private final Organisations organisations;
  private final IdentityService identityService;
  private final ObjectMapper json;

  public WorkPlanDraft(WorkPlanService workPlans, AgreementService agreementService, Organisations organisations,
                       @Lazy IdentityService identityService, ObjectMapper json, FormLimits formLimits) {
    super(formLimits);
    this.workPlans = workPlans;
    this.agreementService = agreementService;
    this.organisations = organisations;
    this.identityService = identityService;
    this.json = json;
  }

  /** Start listener: prefill the form and show why the plan came back. */
  public void prefill(DelegateExecution execution) {
    long agreementId = WorkPlanCycle.agreementId(execution);
    int year = WorkPlanCycle.cycleYear(execution);
    Agreement agreement = agreementService.get(agreementId);
    String region = WorkPlanCycle.region(execution);
    Optional<WorkPlan> sameYear = region == null ? workPlans.latest(agreementId, year)
        : workPlans.latestInRegion(agreementId, year, region);
    Optional<WorkPlan> previous = sameYear.or(() -> region == null ? workPlans.approvedBefore(agreementId, year)
        : workPlans.approvedBeforeInRegion(agreementId, year, region));

    Map<String, Object> values = new HashMap<>();
    previous.map(WorkPlan::content).ifPresent(c -> {
      values.put(FIELD_OBJECTIVES, c.objectives());
      values.put(FIELD_TARGETS, c.targets());
      values.put(FIELD_ACTIVITIES, c.activities());
      values.put(FIELD_LOCATION_REGENCIES, jsonList(c.locationRegencies()));
      values.put(FIELD_BUDGET_AMOUNT, c.budgetAmount().doubleValue());
      values.put(FIELD_BUDGET_CURRENCY, c.budgetCurrency());
      values.put(FIELD_SCHEDULE, c.schedule());
      values.put(FIELD_LOCAL_PARTNERS, c.localPartners());
      values.put(FIELD_FOREIGN_STAFF, c.foreignStaff());
      values.put(FIELD_REPORT_FREQUENCY, c.reportFrequency().name());
      values.put(FIELD_MASTER_PLAN_REFERENCE, c.masterPlanReference());
    });
    if (sameYear.isPresent()) {
      values.put(FIELD_PLAN_START, sameYear.get().content().startDate().toString());
      values.put(FIELD_PLAN_END, sameYear.get().content().endDate().toString());
      if (sameYear.get().status() == WorkPlanStatus.RETURNED) {
        values.put(RETURN_NOTES, returnNotes(sameYear.get()));
      }
    } else {
      LocalDate start = LocalDate.of(year, 1, 1);
      LocalDate end = LocalDate.of(year, 12, 31);
      if (agreement.startDate() != null && agreement.startDate().getYear() == year) {
        start = agreement.startDate();
      }
      if (agreement.endDate() != null && agreement.endDate().getYear() == year) {
        end = agreement.endDate();
      }
      values.put(FIELD_PLAN_START, start.toString());
      values.put(FIELD_PLAN_END, end.isBefore(start) ? start.toString() : end.toString());
    }
    values.putIfAbsent(FIELD_BUDGET_CURRENCY, "IDR");
    values.put(REGENCY_OPTIONS, regencyOptions(agreement, region));
    if (agreement.type() == CooperationType.ORMAS_ASING) {
      values.put(MSP_REFERENCE, agreement.documentNumber());
    }
    if (region != null) {
      values.put(RKT_REGION_NAME, organisations.find(region).map(Unit::name).orElse(region));
    }
    values.forEach((k, v) -> {
      if (v != null) {
        if (region == null) {
          execution.setVariable(k, v);
        } else {
          // each region's RKT is drafted in parallel: its form values stay in its own sub-process instance
          execution.setVariableLocal(k, v);
        }
      }
    });
  }

  private String returnNotes(WorkPlan plan) {
    return workPlans.reviews(plan.id()).stream()
        .filter(r -> RETURNED.equals(r.decision()) || REJECTED.equals(r.decision()))
        .map(r -> organisations.find(r.reviewerGroup()).map(Unit::name).orElse(r.reviewerGroup()) + ": " + r.notes())
        .collect(Collectors.joining("\n"));
  }

  private Object regencyOptions(Agreement agreement, String region) {
    List<String> provinces = region == null ? agreement.locationProvinces() : List.of(region);
    ArrayNode options = json.createArrayNode();
    organisations.byLevel(UnitLevel.REGENCY).stream()
        .filter(u -> provinces.contains(u.provinceGroup()))
        .forEach(u -> options.addObject().put("label", u.name()).put("value", u.group()));
    return SpinValues.jsonValue(options.toString()).create();
  }

  private Object jsonList(List<String> items) {
    ArrayNode array = json.createArrayNode();
    items.forEach(array::add);
    return SpinValues.jsonValue(array.toString()).create();
  }

  /** End listener: check, store as a new version, clear the form's values. */
  @Override
  protected void completed(DelegateExecution execution, FormValues form) {
    long agreementId = WorkPlanCycle.agreementId(execution);
    int year = WorkPlanCycle.cycleYear(execution);
    Agreement agreement = agreementService.get(agreementId);
    String region = WorkPlanCycle.region(execution);
    WorkPlanContent content = read(form, agreement, year, region);
    WorkPlan plan = workPlans.submit(agreementId, year, content, CurrentUser.id(identityService),
        execution.getProcessInstanceId(), region);
    execution.getProcessInstance().setVariable(WORK_PLAN_ID, plan.id());
    execution.getProcessInstance().setVariable(WORK_PLAN_OUTCOME, SUBMITTED);
    for (String field : FORM_FIELDS) {
      execution.removeVariable(field);
    }
  }

  /**
   * The limits of each field are the form's validate blocks ({@code form} is bound to it);
   * what a form cannot say stays here: dates within the budget year and the
   * agreement's term, the end not before the start, regencies of the
   * agreement's provinces, the master plan only for a foreign NGO.
   */
  WorkPlanContent read(FormValues form, Agreement agreement, int year) {
    return read(form, agreement, year, null);
  }

  /** {@code region}: a foreign NGO's RKT for that location region only (its regencies, its province). */
  WorkPlanContent read(FormValues form, Agreement agreement, int year, String region) {
    List<String> provinces = region == null ? agreement.locationProvinces() : List.of(region);
    String objectives = form.text(FIELD_OBJECTIVES, "Tujuan");
    String targets = form.text(FIELD_TARGETS, "Sasaran dan target");
    String activities = form.text(FIELD_ACTIVITIES, "Kegiatan");
    List<String> regencies = regencies(form, provinces, region != null);
    BigDecimal budget = Money.amount(form, FIELD_BUDGET_AMOUNT, "Anggaran");
    String currency = Money.currency(form, FIELD_BUDGET_CURRENCY, "Mata uang anggaran");
    LocalDate start = form.date(FIELD_PLAN_START, "Tanggal mulai kegiatan");
    LocalDate end = form.date(FIELD_PLAN_END, "Tanggal selesai kegiatan");
    String schedule = form.text(FIELD_SCHEDULE, "Jadwal pelaksanaan");
    String localPartners = form.optionalText(FIELD_LOCAL_PARTNERS, "Mitra lokal");
    String foreignStaff = form.optionalText(FIELD_FOREIGN_STAFF, "Tenaga asing");
    ReportFrequency frequency = form.choice(FIELD_REPORT_FREQUENCY, "Frekuensi laporan kemajuan",
        ReportFrequency.class);
    String notes = form.optionalText(TaskOutcome.NOTES, "Catatan");

    if (start != null && start.getYear() != year) {
      form.problem("Tanggal mulai kegiatan harus dalam tahun anggaran " + year);
    }
    if (end != null && end.getYear() != year) {
      form.problem("Tanggal selesai kegiatan harus dalam tahun anggaran " + year);
    }
    if (start != null && end != null && end.isBefore(start)) {
      form.problem("Tanggal selesai kegiatan tidak boleh sebelum tanggal mulai");
    }
    if (start != null && end != null && !end.isBefore(start)) {
      if (agreement.startDate() != null && end.isBefore(agreement.startDate())) {
        form.problem("Kegiatan harus dalam masa berlaku kerja sama, yang mulai " + agreement.startDate());
      }
      if (agreement.endDate() != null && start.isAfter(agreement.endDate())) {
        form.problem("Kegiatan harus dalam masa berlaku kerja sama, yang berakhir " + agreement.endDate());
      }
    }
    String masterPlan = null;
    String msp = null;
    if (agreement.type() == CooperationType.ORMAS_ASING) {
      // an NGO's annual plan derives from its MSP and its master plan (Rencana Induk Kegiatan)
      masterPlan = form.text(FIELD_MASTER_PLAN_REFERENCE, "Rujukan Rencana Induk Kegiatan (RIK)");
      msp = agreement.documentNumber();
    }
    form.throwIfInvalid();
    return new WorkPlanContent(objectives, targets, activities, provinces, regencies, budget,
        currency, start, end, schedule, localPartners, foreignStaff, frequency, masterPlan, msp, notes);
  }

  private List<String> regencies(FormValues form, List<String> provinces, boolean regional) {
    List<String> regencies = new ArrayList<>();
    for (String code : form.list(FIELD_LOCATION_REGENCIES, "Kabupaten/kota lokasi", 0)) {
      String group = code.startsWith(Groups.REGENCY_PREFIX) ? code : Groups.regency(code);
      Optional<Unit> unit = organisations.find(group).filter(u -> u.level() == UnitLevel.REGENCY);
      if (unit.isEmpty()) {
        form.problem("Kabupaten/kota lokasi '" + code + "' tidak dikenal");
      } else if (!provinces.contains(unit.get().provinceGroup())) {
        form.problem(unit.get().name() + (regional ? " tidak berada di wilayah RKT ini"
            : " tidak berada di provinsi lokasi kerja sama"));
      } else {
        regencies.add(group);
      }
    }
    return regencies;
  }
}
