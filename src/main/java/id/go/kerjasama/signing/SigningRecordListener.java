package id.go.kerjasama.signing;

import id.go.kerjasama.platform.engine.FormerlyNamed;
import static id.go.kerjasama.signing.SigningProcess.FIELD_DOCUMENT_NUMBER;
import static id.go.kerjasama.signing.SigningProcess.FIELD_END_DATE;
import static id.go.kerjasama.signing.SigningProcess.FIELD_SIGNATORIES;
import static id.go.kerjasama.signing.SigningProcess.FIELD_SIGNED_ON;
import static id.go.kerjasama.signing.SigningProcess.FIELD_START_DATE;

import id.go.kerjasama.documents.DocumentService;
import id.go.kerjasama.platform.forms.FormLimits;
import id.go.kerjasama.platform.forms.FormValues;
import id.go.kerjasama.platform.forms.IndonesianFormat;
import id.go.kerjasama.platform.forms.ValidatingTaskEndListener;
import id.go.kerjasama.platform.identity.CurrentUser;
import id.go.kerjasama.platform.time.BusinessClock;
import id.go.kerjasama.registry.Agreement;
import id.go.kerjasama.registry.AgreementService;
import id.go.kerjasama.registry.DocumentKind;
import id.go.kerjasama.registry.PrinciplePermits;
import id.go.kerjasama.registry.ProcessVariables;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.model.bpmn.instance.ExtensionElements;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * End listener of the signing phase's user tasks ({@code ${signingRecordListener}}).
 * The task's extension property {@code documentKind} says which document it
 * is about. For a signed document (MSP, LOI, MOU, NK, PKS) it checks the
 * form's number, signatories and dates against the rules of that kind,
 * requires the signed document to be uploaded in this term, then writes the
 * signing history and the registry's current document and takes the values
 * out of the process variables. For the MSP draft it only requires the
 * upload. A problem keeps the task open with a clear message; nothing is written.
 */
@Component
@FormerlyNamed({"signingRecord", "signingRecorder"})
public class SigningRecordListener extends ValidatingTaskEndListener {

  static final String DOCUMENT_KIND = "documentKind";
  /** Without a recorded principle permit: its longest validity, 3 years (GR 59/2016). */
  public static final int MSP_MAX_MONTHS_WITHOUT_PERMIT = 36;
  /**
   * The document kind by engine, process definition id and activity id: a deployed definition never changes
   * (a changed diagram is a new definition), so each task's kind is read from the BPMN model once, not on
   * every completion (docs/performance.md, run 7).
   */
  private static final Map<String, DocumentKind> KIND_BY_DEFINITION_AND_TASK = new ConcurrentHashMap<>();
  private static final AtomicInteger MODEL_READS = new AtomicInteger();

  private final AgreementService agreementService;
  private final DocumentService documentService;
  private final SigningRepository signings;
  private final PrinciplePermits permits;
  private final IdentityService identityService;
  private final SigningSettings settings;

  public SigningRecordListener(AgreementService agreementService, DocumentService documentService,
                         SigningRepository signings, PrinciplePermits permits, @Lazy IdentityService identityService,
                         FormLimits formLimits, SigningSettings settings) {
    super(formLimits);
    this.settings = settings;
    this.agreementService = agreementService;
    this.documentService = documentService;
    this.signings = signings;
    this.permits = permits;
    this.identityService = identityService;
  }

  @Override
  protected void completed(DelegateExecution execution, FormValues form) {
    DocumentKind kind = documentKindOf(execution);
    long id = ProcessVariables.agreementId(execution);
    Agreement agreement = agreementService.get(id);
    if (!kind.signed()) {
      requireUpload(form, agreement, kind);
      form.throwIfInvalid();
      return;
    }
    String number = form.text(FIELD_DOCUMENT_NUMBER, "Nomor dokumen");
    String signatories = form.text(FIELD_SIGNATORIES, "Para penanda tangan");
    LocalDate signedOn = form.date(FIELD_SIGNED_ON, "Tanggal penandatanganan");
    // a KB or a Full Power has no validity of its own: the PKS or MoU that follows has
    LocalDate start = kind.hasValidity() ? form.date(FIELD_START_DATE, "Tanggal mulai berlaku") : null;
    LocalDate end = kind.hasValidity() ? form.date(FIELD_END_DATE, "Tanggal berakhir") : null;
    checkDates(form, agreement, kind, signedOn, start, end);
    checkOrder(form, agreement, kind, signedOn);
    requireUpload(form, agreement, kind);
    form.throwIfInvalid();

    signings.insert(id, agreement.term(), kind, number, signatories, signedOn, start, end,
        SigningRecord.SOURCE_TASK, CurrentUser.id(identityService));
    if (kind.hasValidity()) {
      signings.updateAgreement(id, kind, number, signatories, signedOn, start, end,
          kind.binding() && !awaitsPartner(execution, kind));
    }
    if (kind == DocumentKind.MSP) {
      permits.mspSigned(id, signedOn, end, CurrentUser.id(identityService));
    }
    for (String field : SigningProcess.SIGNING_FIELDS) {
      execution.removeVariable(field);
    }
  }

  /**
   * Whether the partner co-signs this document in its own task after the proposer's record, so that only its
   * confirmation ({@link PartnerCoSignatureListener}) puts the agreement in force (assumption A32): a Nota
   * Kesepakatan while kerjasama.signing.nota-kesepakatan-partner-co-signs is on
   * (Gateway_NotaKesepakatanPartnerSigns), a PKS whenever a partner region is a party (Gateway_PartnerRegionSigns:
   * a KSDD's partner region, the region of a ministry's PKS after its Nota Kesepakatan).
   */
  boolean awaitsPartner(DelegateExecution execution, DocumentKind kind) {
    return switch (kind) {
      case NOTA_KESEPAKATAN -> settings.isNotaKesepakatanPartnerCoSigns();
      case PKS -> execution.getVariable(ProcessVariables.PARTNER_REGION_GROUP) != null;
      default -> false;
    };
  }

  /**
   * The order of the regulation (docs/processes.md): a region's PKS only
   * after its Kesepakatan Bersama (GR 28/2018), a region–ministry PKS only after the Nota Kesepakatan (art. 46), a region's MoU only after
   * Kemlu's Full Power letter of this term (Home Affairs Reg. 25/2020). The
   * message says what comes first.
   */
  void checkOrder(FormValues form, Agreement agreement, DocumentKind kind, LocalDate signedOn) {
    DocumentKind required = kind == DocumentKind.PKS && agreement.type().regionalDomestic() ? DocumentKind.KB
        : kind == DocumentKind.PKS && agreement.notaKesepakatan() ? DocumentKind.NOTA_KESEPAKATAN
        : kind == DocumentKind.MOU && agreement.type().regionalForeign() ? DocumentKind.FULL_POWER : null;
    if (required == null) {
      return;
    }
    // the KB of a term before counts for a PKS that an extension signs again; the Full Power is per signing
    boolean present = (required == DocumentKind.KB ? signings.history(agreement.id())
        : signings.history(agreement.id(), agreement.term())).stream()
        .anyMatch(r -> r.documentKind() == required);
    if (!present) {
      form.problem(required == DocumentKind.KB
          ? "Perjanjian Kerja Sama belum dapat dicatat: Kesepakatan Bersama (KB) harus ditandatangani lebih dahulu"
              + " (urutan PP 28/2018: Kesepakatan Bersama, persetujuan DPRD bila diperlukan, lalu Perjanjian Kerja Sama)"
          : required == DocumentKind.NOTA_KESEPAKATAN
          ? "Perjanjian Kerja Sama belum dapat dicatat: Nota Kesepakatan dengan Rencana Kerja pada lampirannya harus"
              + " ditandatangani lebih dahulu (urutan PP 28/2018 pasal 46: Nota Kesepakatan antara daerah dan"
              + " kementerian, lalu Perjanjian Kerja Sama bila diperlukan)"
          : "MoU belum dapat ditandatangani: Surat Kuasa (Full Power) dari Kementerian Luar Negeri untuk kepala"
              + " daerah harus terbit lebih dahulu (urutan: persetujuan Menteri Dalam Negeri, Surat Kuasa Kemlu, lalu"
              + " penandatanganan MoU)");
    }
  }

  void checkDates(FormValues form, Agreement agreement, DocumentKind kind, LocalDate signedOn, LocalDate start,
                  LocalDate end) {
    if (signedOn != null && signedOn.isAfter(BusinessClock.today())) {
      form.problem("Tanggal penandatanganan tidak boleh di masa depan");
    }
    if (start == null || end == null) {
      return;
    }
    if (!end.isAfter(start)) {
      form.problem("Tanggal berakhir harus sesudah tanggal mulai berlaku");
      return;
    }
    switch (kind) {
      case MSP -> {
        permits.operationalPermitProblems(agreement.id(), start, end).forEach(form::problem);
        Optional<LocalDate> permit = permits.validUntil(agreement.id());
        if (permit.isPresent() && end.isAfter(permit.get())) {
          form.problem("Tanggal berakhir MSP (" + IndonesianFormat.date(end) + ") melewati masa berlaku izin prinsip (" + IndonesianFormat.date(permit.get())
              + "); MSP tidak boleh berlaku lebih lama dari izin prinsip");
        } else if (permit.isEmpty() && end.isAfter(start.plusMonths(MSP_MAX_MONTHS_WITHOUT_PERMIT))) {
          form.problem("MSP berlaku paling lama " + MSP_MAX_MONTHS_WITHOUT_PERMIT
              + " bulan (izin prinsip berlaku paling lama 3 tahun); tanggal berakhir paling lambat "
              + IndonesianFormat.date(start.plusMonths(MSP_MAX_MONTHS_WITHOUT_PERMIT)));
        }
      }
      case PKS -> {
        if (end.isAfter(start.plusYears(settings.getPksMaxYears()))) {
          form.problem("Perjanjian Kerja Sama berlaku paling lama " + settings.getPksMaxYears()
              + " tahun; tanggal berakhir paling lambat " + IndonesianFormat.date(start.plusYears(settings.getPksMaxYears())) + " (diisi "
              + IndonesianFormat.date(end) + ")");
        }
      }
      default -> {
        // LoI, MoU, Nota Kesepahaman, KB: no maximum term in the regulations
      }
    }
    DocumentKind predecessor = kind == DocumentKind.MOU
        ? (agreement.type().regionalForeign() ? DocumentKind.FULL_POWER : DocumentKind.LOI)
        : kind == DocumentKind.PKS ? (agreement.type().regionalDomestic() ? DocumentKind.KB
            : agreement.notaKesepakatan() ? DocumentKind.NOTA_KESEPAKATAN : DocumentKind.NK)
        : null;
    if (predecessor != null && signedOn != null) {
      signings.history(agreement.id(), agreement.term()).stream()
          .filter(r -> r.documentKind() == predecessor && signedOn.isBefore(r.signedOn()))
          .reduce((a, b) -> b)
          .ifPresent(r -> form.problem(kind.label() + " tidak dapat ditandatangani sebelum " + predecessor.label()
              + " (" + IndonesianFormat.date(r.signedOn()) + ")"));
    }
  }

  private void requireUpload(FormValues form, Agreement agreement, DocumentKind kind) {
    if (!documentService.isUploaded(agreement.id(), kind, agreement.term())) {
      form.problem("Dokumen " + kind.label() + (kind.signed() ? " yang telah ditandatangani" : "")
          + " belum diunggah. Unggah berkasnya (PDF, JPEG atau PNG) melalui tautan pada bagian Dokumen di"
          + " formulir, lalu selesaikan tugas ini");
    }
  }

  static DocumentKind documentKindOf(DelegateExecution execution) {
    String definitionId = execution.getProcessDefinitionId();
    String activityId = execution.getCurrentActivityId();
    if (definitionId == null || activityId == null) {
      return readDocumentKind(execution);
    }
    // the engine's name too: test engines with database id generators may number their definitions alike
    String engine = execution.getProcessEngine() == null ? "" : execution.getProcessEngine().getName();
    return KIND_BY_DEFINITION_AND_TASK.computeIfAbsent(engine + '#' + definitionId + '#' + activityId,
        key -> readDocumentKind(execution));
  }

  /** How often a document kind was read from a diagram's model (for the test that the cache holds). */
  static int modelReads() {
    return MODEL_READS.get();
  }

  private static DocumentKind readDocumentKind(DelegateExecution execution) {
    MODEL_READS.incrementAndGet();
    FlowElement element = execution.getBpmnModelElementInstance();
    ExtensionElements extensions = element == null ? null : element.getExtensionElements();
    if (extensions != null) {
      for (CamundaProperties properties : extensions.getChildElementsByType(CamundaProperties.class)) {
        for (CamundaProperty property : properties.getCamundaProperties()) {
          if (DOCUMENT_KIND.equals(property.getCamundaName())) {
            return DocumentKind.valueOf(property.getCamundaValue().trim());
          }
        }
      }
    }
    throw new IllegalStateException("Activity " + execution.getCurrentActivityId()
        + " uses ${signingRecordListener} without the extension property " + DOCUMENT_KIND);
  }
}
