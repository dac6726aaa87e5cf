package id.go.kerjasama.legacyimport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import id.go.kerjasama.ProcessTest;
import id.go.kerjasama.ProcessTestSupport;
import id.go.kerjasama.lifecycle.LifecycleProcess;
import id.go.kerjasama.registry.Agreement;
import id.go.kerjasama.registry.AgreementEvent;
import id.go.kerjasama.registry.AgreementRepository;
import id.go.kerjasama.registry.AgreementService;
import id.go.kerjasama.registry.AgreementTermRepository;
import id.go.kerjasama.registry.Phase;
import id.go.kerjasama.registry.Status;
import id.go.kerjasama.signing.SigningProcess;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The legacy import on H2: each row lands in the right phase with the lifecycle's routing variables. */
@ProcessTest
class LegacyImportProcessTest extends ProcessTestSupport {

  static final String HEADER = "legacy_number,cooperation_type,title,partner_name,partner_country,proposer_unit,"
      + "location_provinces,sectors,document_kind,document_number,signatories,signed_on,start_date,end_date\n";

  @Autowired
  LegacyImportService importService;
  @Autowired
  AgreementService agreements;
  @Autowired
  AgreementRepository repository;
  @Autowired
  AgreementTermRepository terms;
  @Autowired
  org.springframework.jdbc.core.JdbcTemplate jdbc;

  @Autowired
  id.go.kerjasama.platform.identity.Organisations organisations;

  @Test
  void eachImportedAgreementStartsItsLifecycleWhereItStands() {
    // today is 2026-02-02 (ProcessTestSupport)
    String csv = HEADER
        + "P-1,DALAM_NEGERI,Kerja sama pengelolaan sampah,Kota Bekasi,Indonesia,province-32,32,LINGKUNGAN_HIDUP,PKS,PKS-1/2024,Gubernur,2024-01-10,2024-01-10,2028-01-09\n"
        + "P-2,DALAM_NEGERI,Kerja sama air bersih antardaerah,PDAM Tirta,Indonesia,3273,32,INFRASTRUKTUR,PKS,PKS-2/2021,,2021-06-01,2021-06-01,2026-05-31\n"
        + "P-3,LUAR_NEGERI,Kerja sama kota kembar pendidikan,Kota Kyoto,Jepang,province-32,32;33,PENDIDIKAN|PARIWISATA,LOI,LOI-3/2025,,2025-05-01,2025-05-01,2027-04-30\n"
        + "P-4,DALAM_NEGERI,Kerja sama jalan perbatasan,Provinsi Banten,Indonesia,province-32,32,INFRASTRUKTUR,NK,NK-4/2025,,01/09/2025,01/09/2025,31/08/2030\n"
        + "P-5,ORMAS_ASING,Program perlindungan anak,Save the Children,Inggris,kemensos,53,PERLINDUNGAN_ANAK,MSP,MSP-5/2022,,2022-01-01,2022-01-01,2024-12-31\n";
    ImportReport report = importService.run("kecil.csv", csv.getBytes(StandardCharsets.UTF_8), false, "admin");
    runContinuations(); // the imported lifecycles reach their phases' tasks in jobs

    assertThat(report.rejected()).isEmpty();
    assertThat(report.importedRows()).isEqualTo(5);
    assertThat(report.imported()).extracting(ImportReport.ImportedRow::phase).containsExactly(
        Phase.WORK_PLAN, Phase.WORK_PLAN, Phase.SIGNING, Phase.SIGNING, Phase.CLOSED);

    // in force: the running term, this budget year's cycle first; renewal 6 months before the end
    ProcessInstance inForce = lifecycle(report, 0);
    assertThat(inForce).isActive();
    assertThat(processEngine.getRuntimeService().getActivityInstance(inForce.getId()).getActivityInstances(
        LifecycleProcess.CALL_WORK_PLAN)).hasSize(1);
    assertThat(report.imported().get(0).renewalStartsOn()).isEqualTo(LocalDate.of(2027, 7, 9));
    assertThat(processEngine.getRuntimeService().getVariables(inForce.getId())).containsKeys(
        "agreementId", "registrationNumber", "cooperationType", "proposerGroup", "proposerLevel", "provinceGroup",
        "partnerMinistryGroup", "approvalOutcome", "term");
    assertThat(processEngine.getRuntimeService().getVariable(inForce.getId(), "proposerLevel")).isEqualTo("PROVINCE");
    Agreement first = repository.findByRegistrationNumber(report.imported().get(0).registrationNumber()).orElseThrow();
    assertThat(first.phase()).isEqualTo(Phase.WORK_PLAN);
    assertThat(first.status()).isEqualTo(Status.ACTIVE);
    assertThat(first.registrationNumber()).startsWith("KS-DN-2024-");
    assertThat(first.processInstanceId()).isEqualTo(inForce.getId());
    assertThat(terms.find(first.id(), 1).orElseThrow().budgetYears()).as("no cycles for years before the import")
        .containsExactly(2026, 2027, 2028);
    assertThat(agreements.events(first.id())).extracting(AgreementEvent::activity).contains("Import_LegacyAgreement");
    Task workPlan = openTask(first.registrationNumber(), "UserTask_DraftWorkPlan");
    assertThat(workPlan).isNotNull();
    assertThat(processEngine.getTaskService().getVariable(workPlan.getId(), "cycleYear")).isEqualTo(2026);
    // the task card shows the imported title and the proposer's name (docs/localization.md "Task cards")
    assertThat(processEngine.getTaskService().getVariable(workPlan.getId(), "cooperationTitle"))
        .isEqualTo("Kerja sama pengelolaan sampah");
    assertThat(processEngine.getTaskService().getVariable(workPlan.getId(), "proposerName"))
        .isEqualTo(organisations.find("province-32").orElseThrow().name());

    // ends on 31 May 2026, within the renewal window: the renewal timer is due at once
    String renewing = report.imported().get(1).registrationNumber();
    assertThat(report.imported().get(1).renewalStartsOn()).isBeforeOrEqualTo(today());
    Job renewalDue = processEngine.getManagementService().createJobQuery().processInstanceId(lifecycle(report, 1).getId())
        .timers().activityId(LifecycleProcess.TIMER_RENEWAL_DUE).singleResult();
    assertThat(renewalDue.getDuedate()).isBeforeOrEqualTo(java.util.Date.from(DEFAULT_NOW));
    processEngine.getManagementService().executeJob(renewalDue.getId());
    runContinuations();
    assertThat(repository.findByRegistrationNumber(renewing).orElseThrow().phase()).isEqualTo(Phase.RENEWAL);
    assertThat(openTask(renewing, "UserTask_DecideRenewal")).isNotNull();

    assertThat(processEngine.getTaskService().createTaskQuery()
        .processInstanceBusinessKey(report.imported().get(2).registrationNumber()).singleResult().getTaskDefinitionKey())
        .as("an imported LoI gets the follow-up to raise it to an MoU").isEqualTo(SigningProcess.TASK_RAISE_LOI_TO_MOU);
    assertThat(processEngine.getTaskService().createTaskQuery()
        .processInstanceBusinessKey(report.imported().get(3).registrationNumber()).singleResult().getTaskDefinitionKey())
        .isEqualTo(SigningProcess.TASK_RECORD_PKS);
    assertThat(processEngine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceBusinessKey(report.imported().get(4).registrationNumber()).count())
        .as("an agreement that has ended gets no lifecycle").isZero();
    Agreement ended = repository.findByRegistrationNumber(report.imported().get(4).registrationNumber()).orElseThrow();
    assertThat(ended.status()).isEqualTo(Status.EXPIRED);
    assertThat(ended.phase()).isEqualTo(Phase.CLOSED);

    // each instance of each imported agreement is granted READ to exactly the agreement's involved groups,
    // once per group (the import writes the grants of a chunk together: AuthorizationGrants.batched)
    for (ImportReport.ImportedRow row : report.imported().subList(0, 4)) {
      Agreement agreement = repository.findByRegistrationNumber(row.registrationNumber()).orElseThrow();
      List<ProcessInstance> instances = processEngine.getRuntimeService().createProcessInstanceQuery()
          .processInstanceBusinessKey(row.registrationNumber()).list();
      assertThat(instances).isNotEmpty();
      for (ProcessInstance instance : instances) {
        List<org.camunda.bpm.engine.authorization.Authorization> grants = processEngine.getAuthorizationService()
            .createAuthorizationQuery().resourceType(org.camunda.bpm.engine.authorization.Resources.PROCESS_INSTANCE)
            .resourceId(instance.getId()).list();
        assertThat(grants).extracting(org.camunda.bpm.engine.authorization.Authorization::getGroupId)
            .as("grants of %s (%s)", row.registrationNumber(), instance.getProcessDefinitionId())
            .containsExactlyInAnyOrderElementsOf(agreement.involvedGroups());
        assertThat(grants).allMatch(g -> g.isPermissionGranted(org.camunda.bpm.engine.authorization.Permissions.READ));
      }
    }
    Agreement twoProvinces = repository.findByRegistrationNumber(report.imported().get(2).registrationNumber())
        .orElseThrow();
    assertThat(twoProvinces.involvedGroups()).contains("province-32", "province-33");

    // the province sees the instances of its agreements (visibility granted at each instance's start)
    actAs("province-32");
    assertThat(processEngine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceBusinessKey(report.imported().get(0).registrationNumber()).count()).isEqualTo(2);
    actAsSystem();

    ImportReport again = importService.run("kecil.csv", csv.getBytes(StandardCharsets.UTF_8), false, "admin");

    runContinuations(); // the imported lifecycles reach their phases' tasks in jobs
    assertThat(again.importedRows()).isZero();
    assertThat(again.existingRows()).isEqualTo(5);
  }

  @Test
  void aRowWithABrokenQuoteIsReportedOnItsLineAndTheRowsBelowItAreImported() {
    // line 3 opens a quote it never closes; read as plain RFC 4180 it ran on to the next quote (line 4's
    // signatories) and line 4 vanished into line 3's title
    String csv = HEADER
        + "Q-1,DALAM_NEGERI,Kerja sama arsip daerah,Kota Bogor,Indonesia,province-32,32,TATA_KELOLA,PKS,PKS-Q1/2019,,2019-01-10,2019-01-10,2023-01-09\n"
        + "Q-2,DALAM_NEGERI,\"Kerja sama pasar induk,Kota Depok,Indonesia,province-32,32,EKONOMI,PKS,PKS-Q2/2019,,2019-02-10,2019-02-10,2023-02-09\n"
        + "Q-3,DALAM_NEGERI,Kerja sama terminal,Kota Cimahi,Indonesia,province-32,32,INFRASTRUKTUR,PKS,PKS-Q3/2019,\"Wali Kota, Gubernur\",2019-03-10,2019-03-10,2023-03-09\n"
        + "Q-4,DALAM_NEGERI,Kerja sama \"24 jam\" layanan,Kota Bogor,Indonesia,province-32,32,KESEHATAN,PKS,PKS-Q4/2019,,2019-04-10,2019-04-10,2023-04-09\n"
        + "Q-5,DALAM_NEGERI,\"Kerja sama\" pemadam kebakaran,Kota Bogor,Indonesia,province-32,32,PENANGGULANGAN_BENCANA,PKS,PKS-Q5/2019,,2019-05-10,2019-05-10,2023-05-09\n"
        + "Q-6,DALAM_NEGERI,Kerja sama pemakaman,Kota Bogor,Indonesia,province-32,32,SOSIAL,PKS,PKS-Q6/2019,,2019-06-10,2019-06-10,2023-06-09\n";
    ImportReport report = importService.run("kutip.csv", csv.getBytes(StandardCharsets.UTF_8), false, "admin");
    runContinuations(); // the imported lifecycles reach their phases' tasks in jobs

    assertThat(report.totalRows()).isEqualTo(6);
    assertThat(report.rejected()).extracting(ImportReport.RejectedRow::line).containsExactly(3, 6);
    assertThat(report.rejected()).extracting(ImportReport.RejectedRow::legacyNumber).containsExactly("Q-2", "Q-5");
    assertThat(report.rejected().get(0).problems()).singleElement().asString()
        .startsWith("Tanda kutip tidak ditutup atau ambigu").contains("baris ini dilewati");
    assertThat(report.rejected().get(1).problems()).singleElement().asString().startsWith("Tanda kutip ambigu");
    assertThat(report.imported()).extracting(ImportReport.ImportedRow::line).containsExactly(2, 4, 5, 7);
    assertThat(report.imported()).extracting(ImportReport.ImportedRow::legacyNumber)
        .containsExactly("Q-1", "Q-3", "Q-4", "Q-6");
    assertThat(repository.findByRegistrationNumber(report.imported().get(1).registrationNumber()).orElseThrow().title())
        .isEqualTo("Kerja sama terminal");
    assertThat(repository.findByRegistrationNumber(report.imported().get(2).registrationNumber()).orElseThrow().title())
        .as("a quote inside a value that does not start with one is a quote").isEqualTo("Kerja sama \"24 jam\" layanan");
  }

  @Test
  void theGr28TypesAreImportedWithTheirDocumentsAndKbOrFullPowerRowsAreRefused() {
    String csv = HEADER
        + "R-1,KSDPK,Kerja sama parkir elektronik,PT Parkir Jambi,Indonesia,1571,15,INFRASTRUKTUR,PKS,PKS-R1/2025,,2025-03-01,2025-03-01,2028-02-28\n"
        + "R-2,KSDLL,Kerja sama beasiswa vokasi,Japan International Cooperation Agency,Jepang,province-16,16,PENDIDIKAN,LOI,LOI-R2/2025,,2025-06-01,2025-06-01,2027-05-31\n"
        + "R-3,KSDD,Kerja sama jalan lintas,Kota Bengkulu,Indonesia,province-17,17,INFRASTRUKTUR,KB,KB-R3/2025,,2025-04-01,2025-04-01,2027-03-31\n"
        + "R-4,KSDPL,Kerja sama kota kembar,Kota Kagoshima,Jepang,kemendagri,17,PARIWISATA,MOU,MOU-R4/2025,,2025-04-01,2025-04-01,2027-03-31\n";
    ImportReport report = importService.run("pp28.csv", csv.getBytes(StandardCharsets.UTF_8), false, "admin");
    runContinuations(); // the imported lifecycles reach their phases' tasks in jobs

    assertThat(report.imported()).extracting(ImportReport.ImportedRow::legacyNumber).containsExactly("R-1", "R-2");
    assertThat(report.imported()).extracting(ImportReport.ImportedRow::phase)
        .containsExactly(Phase.WORK_PLAN, Phase.SIGNING);
    Agreement ksdpk = repository.findByRegistrationNumber(report.imported().get(0).registrationNumber()).orElseThrow();
    assertThat(ksdpk.registrationNumber()).startsWith("KS-PK-");
    assertThat(ksdpk.documentKind()).isEqualTo("PKS");
    // an imported LoI of a KSDLL waits for Kemlu's Full Power before its MoU
    String ksdll = report.imported().get(1).registrationNumber();
    assertThat(processEngine.getTaskService().createTaskQuery().processInstanceBusinessKey(ksdll).singleResult()
        .getTaskDefinitionKey()).isEqualTo("UserTask_RecordFullPower");
    assertThat(report.rejected()).extracting(ImportReport.RejectedRow::legacyNumber).containsExactly("R-3", "R-4");
    assertThat(report.rejected().get(0).problems()).anyMatch(p -> p.contains("Jenis dokumen KB tidak berlaku")
        && p.contains("pilihan: PKS"));
    assertThat(report.rejected().get(1).problems()).anyMatch(p -> p.contains("diajukan oleh pemerintah daerah"));
  }

  @Test
  void theGovernmentAffairColumnIsCheckedAgainstTheListOfUrusan() {
    String csv = HEADER.replace("end_date\n", "end_date,government_affair\n")
        + "U93-1,KSDPK,Kerja sama pengelolaan pasar ikan,PT Pasar Merauke,Indonesia,9304,93,EKONOMI,PKS,PKS-U931/2025,,2025-03-01,2025-03-01,2028-02-28, kelautan dan  PERIKANAN \n"
        + "U93-2,KSDPK,Kerja sama wisata rawa,PT Wisata Asmat,Indonesia,9304,93,PARIWISATA,PKS,PKS-U932/2025,,2025-03-01,2025-03-01,2028-02-28,Pariwisata Daerah\n"
        + "U93-3,KSDPK,Kerja sama air bersih,PT Air Asmat,Indonesia,9304,93,INFRASTRUKTUR,PKS,PKS-U933/2025,,2025-03-01,2025-03-01,2028-02-28,\n";
    ImportReport report = importService.run("urusan.csv", csv.getBytes(StandardCharsets.UTF_8), false, "admin");
    runContinuations(); // the imported lifecycles reach their phases' tasks in jobs

    // the name as the start form writes it is stored; an empty column stays empty
    assertThat(report.imported()).extracting(ImportReport.ImportedRow::legacyNumber).containsExactly("U93-1", "U93-3");
    assertThat(repository.findByRegistrationNumber(report.imported().get(0).registrationNumber()).orElseThrow()
        .governmentAffair()).isEqualTo("Kelautan dan Perikanan");
    assertThat(repository.findByRegistrationNumber(report.imported().get(1).registrationNumber()).orElseThrow()
        .governmentAffair()).isNull();
    // an unknown urusan rejects the row, saying what to write
    assertThat(report.rejected()).extracting(ImportReport.RejectedRow::legacyNumber).containsExactly("U93-2");
    assertThat(report.rejected().get(0).problems()).containsExactly("Urusan pemerintahan (government_affair)"
        + " 'Pariwisata Daerah' tidak ada dalam daftar urusan Permendagri 22/2020 (UU 23/2014 pasal 12); tulis salah"
        + " satu nama urusan seperti pada formulir usulan, mis. Pendidikan, Perhubungan atau Lingkungan Hidup, atau"
        + " kosongkan kolomnya");
  }

  @Test
  void aNotaKesepakatanNamesItsPartnerMinistryOrRegionAndIsImportedOnItsRoute() {
    // today is 2026-02-02 (ProcessTestSupport); partner name and country come from the reference data
    String csv = HEADER.replace("end_date\n", "end_date,nota_kesepakatan_partner\n")
        + "N-1,DALAM_NEGERI,Kerja sama penurunan stunting,,,province-32,32,KESEHATAN,NOTA_KESEPAKATAN,NKSP-1/2025,,2025-02-10,2025-03-01,2030-02-28,kemenkes\n"
        + "N-2,DALAM_NEGERI,Kerja sama rehabilitasi sosial,Nama lama di berkas,Indonesia,kemensos,32,SOSIAL,PKS,PKS-N2/2025,,2025-05-01,2025-05-01,2028-04-30,3273\n"
        + "N-3,DALAM_NEGERI,Kerja sama tanpa mitra,Kementerian Kesehatan,Indonesia,province-32,32,KESEHATAN,NOTA_KESEPAKATAN,NKSP-3/2025,,2025-02-10,2025-03-01,2030-02-28,\n"
        + "N-4,LUAR_NEGERI,Kerja sama kota kembar,Kota Osaka,Jepang,province-32,32,PARIWISATA,MOU,MOU-N4/2025,,2025-02-10,2025-03-01,2028-02-28,kemenkes\n"
        + "N-5,DALAM_NEGERI,Kerja sama dua provinsi,,,province-32,32,EKONOMI,NOTA_KESEPAKATAN,NKSP-5/2025,,2025-02-10,2025-03-01,2028-02-28,33\n"
        + "N-6,DALAM_NEGERI,Kerja sama nota kesepahaman,,,province-32,32,EKONOMI,NK,NK-N6/2025,,2025-02-10,2025-03-01,2028-02-28,kemenkes\n"
        + "N-7,DALAM_NEGERI,Kerja sama mitra tak dikenal,,,province-32,32,EKONOMI,NOTA_KESEPAKATAN,NKSP-7/2025,,2025-02-10,2025-03-01,2028-02-28,kemenxyz\n"
        + "N-8,DALAM_NEGERI,Kerja sama kementerian tanpa mitra,Kota Bandung,Indonesia,kemensos,32,SOSIAL,PKS,PKS-N8/2025,,2025-05-01,2025-05-01,2028-04-30,\n";
    ImportReport report = importService.run("nksp.csv", csv.getBytes(StandardCharsets.UTF_8), false, "admin");
    runContinuations(); // the imported lifecycles reach their phases' tasks in jobs

    assertThat(report.imported()).extracting(ImportReport.ImportedRow::legacyNumber).containsExactly("N-1", "N-2");
    // a region with a ministry: the partner ministry, in force on its term
    Agreement regionWithMinistry = repository.findByRegistrationNumber(report.imported().get(0).registrationNumber())
        .orElseThrow();
    assertThat(regionWithMinistry.notaKesepakatan()).isTrue();
    assertThat(regionWithMinistry.partnerMinistry()).isEqualTo("ministry-kemenkes");
    assertThat(regionWithMinistry.partnerRegion()).isNull();
    assertThat(regionWithMinistry.partnerName()).isEqualTo(organisations.find("ministry-kemenkes").orElseThrow().name());
    assertThat(regionWithMinistry.partnerCountry()).isEqualTo("Indonesia");
    assertThat(regionWithMinistry.documentKind()).isEqualTo("NOTA_KESEPAKATAN");
    assertThat(regionWithMinistry.phase()).isEqualTo(Phase.WORK_PLAN);
    assertThat(regionWithMinistry.involvedGroups()).contains("province-32", "ministry-kemenkes");
    assertThat(processEngine.getRuntimeService().getVariable(lifecycle(report, 0).getId(), "partnerMinistryGroup"))
        .isEqualTo("ministry-kemenkes");
    // a ministry with a region: the partner region, its province among the locations
    Agreement ministryWithRegion = repository.findByRegistrationNumber(report.imported().get(1).registrationNumber())
        .orElseThrow();
    assertThat(ministryWithRegion.notaKesepakatan()).isTrue();
    assertThat(ministryWithRegion.partnerRegion()).isEqualTo("regency-3273");
    assertThat(ministryWithRegion.partnerMinistry()).isNull();
    assertThat(ministryWithRegion.partnerName()).isEqualTo(organisations.find("regency-3273").orElseThrow().name());
    assertThat(ministryWithRegion.locationProvinces()).contains("province-32");
    assertThat(processEngine.getRuntimeService().getVariable(lifecycle(report, 1).getId(), "partnerRegionGroup"))
        .isEqualTo("regency-3273");

    assertThat(report.rejected()).extracting(ImportReport.RejectedRow::legacyNumber)
        .containsExactly("N-3", "N-4", "N-5", "N-6", "N-7", "N-8");
    assertThat(report.rejected().get(0).problems()).containsExactly("Nota Kesepakatan memerlukan mitranya: isi kolom"
        + " nota_kesepakatan_partner dengan kementerian/lembaga (untuk daerah pengusul) atau provinsi/kabupaten/kota"
        + " (untuk kementerian pengusul)");
    assertThat(report.rejected().get(1).problems()).anyMatch(p -> p.startsWith(
        "Mitra Nota Kesepakatan (nota_kesepakatan_partner) hanya diisi untuk kerja sama dalam negeri"));
    assertThat(report.rejected().get(2).problems()).anyMatch(p -> p.startsWith(
        "Mitra Nota Kesepakatan daerah adalah kementerian/lembaga, bukan"));
    assertThat(report.rejected().get(3).problems()).anyMatch(p -> p.contains("bukan NK (Nota Kesepahaman)"));
    assertThat(report.rejected().get(4).problems()).anyMatch(p -> p.contains("'kemenxyz' tidak dikenal"));
    assertThat(report.rejected().get(5).problems()).anyMatch(p -> p.contains(
        "Kerja sama dalam negeri diajukan oleh Kemendagri atau pemerintah daerah"));

    // the refused rows are kept with the import, by line, for the import page
    assertThat(importService.rejected(report.importId(), 0, 100)).containsExactlyElementsOf(report.rejected());
    assertThat(importService.rejected(report.importId(), 2, 2)).extracting(ImportReport.RejectedRow::line)
        .containsExactly(6, 7);
  }

  @Test
  void theExampleFileOfTheDocsIsValid() throws Exception {
    byte[] example = java.nio.file.Files.readAllBytes(java.nio.file.Path.of("docs/examples/legacy-agreements.csv"));
    ImportReport report = importService.run("legacy-agreements.csv", example, true, "admin");
    runContinuations(); // the imported lifecycles reach their phases' tasks in jobs
    assertThat(report.rejected()).isEmpty();
    assertThat(report.totalRows()).isEqualTo(10);
    assertThat(report.imported()).extracting(ImportReport.ImportedRow::registrationNumber).containsOnlyNulls();
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM agreement_legacy_key WHERE legacy_number = '119/1204/SJ'",
        Integer.class)).as("a dry run writes nothing").isZero();
  }

  private ProcessInstance lifecycle(ImportReport report, int row) {
    return processEngine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey(LifecycleProcess.PROCESS_KEY)
        .processInstanceBusinessKey(report.imported().get(row).registrationNumber()).singleResult();
  }
}
