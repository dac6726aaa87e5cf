package id.go.kerjasama.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import id.go.kerjasama.registry.ProcessVariables;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The lifecycle's call activities pass each phase a declared list of variables (docs/architecture.md
 * "Variables a phase receives"), not {@code variables="all"}. This test reads what each called process can
 * read and fails when it reads one of the lifecycle's variables that its call activity does not pass: the
 * expressions of its diagram, the input expressions of the decisions it evaluates, the fields, value keys
 * and expressions of the forms its tasks show, and the Java of its package and of the beans its
 * expressions name (constants of {@link ProcessVariables} and {@link LifecycleProcess}, their accessors, the
 * package's own string constants, and {@code getVariable("…")}). The Tasklist and the mails read the same
 * four of them on every task (below). It also fails when a call activity passes a variable its phase does
 * not read, so that the lists stay the contract.
 */
class PhaseVariablesContractTest {

  private static final Path PROCESSES = Path.of("processes");
  private static final Path FORMS = Path.of("forms");
  private static final Path JAVA = Path.of("src/main/java/id/go/kerjasama");
  private static final String CAMUNDA = "http://camunda.org/schema/1.0/bpmn";
  private static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";

  /** Read on every task of every phase: the dossier, the mails and the task cards. */
  private static final Set<String> READ_ON_EVERY_TASK = Set.of(ProcessVariables.AGREEMENT_ID,
      ProcessVariables.REGISTRATION_NUMBER, ProcessVariables.COOPERATION_TITLE, ProcessVariables.PROPOSER_NAME);

  /** A phase's own outcome: it writes it before it reads it, so it need not be passed in. */
  private static final Map<String, Set<String>> WRITTEN_BY_PHASE = Map.of(
      "central-approval", Set.of(LifecycleProcess.APPROVAL_OUTCOME),
      "renewal", Set.of(LifecycleProcess.RENEWAL_OUTCOME));

  /**
   * Read by a phase but never held by the lifecycle where this call activity runs: the first central
   * approval comes before the first term starts ({@code ServiceTask_StartTerm} follows signing), and
   * {@code ApprovalOutcomes} tells it from an extension's by the term's absence.
   */
  private static final Map<String, Set<String>> ABSENT_AT_CALL = Map.of(
      LifecycleProcess.CALL_CENTRAL_APPROVAL, Set.of(ProcessVariables.TERM));

  /**
   * The Java package of each phase, beside the beans its expressions name (close-out's beans live in
   * {@code renewal}, whose other classes it does not use).
   */
  private static final Map<String, String> PHASE_PACKAGE = Map.of(
      "central-approval", "approval", "agreement-signing", "signing", "annual-work-plan", "workplan",
      "monitoring", "monitoring", "evaluation", "evaluation", "renewal", "renewal");

  private static final Pattern EXPRESSION = Pattern.compile("[$#]\\{([^}]*)}");
  private static final Pattern GET_VARIABLE = Pattern.compile("getVariable(?:Local|Typed)?\\(\\s*['\"]([A-Za-z_]\\w*)['\"]");
  private static final Pattern STRING = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'");
  private static final Pattern IDENTIFIER = Pattern.compile("(?<![.\\w])([A-Za-z_]\\w*)");
  private static final Pattern BEAN = Pattern.compile("^\\s*!?\\s*([a-z]\\w*)\\s*(?:\\.|$)");
  private static final Pattern CONSTANT = Pattern.compile("\\b(ProcessVariables|LifecycleProcess)\\.([A-Z][A-Z0-9_]*)\\b");
  private static final Pattern ACCESSOR = Pattern.compile("\\bProcessVariables\\.([a-z]\\w*)\\(");
  private static final Pattern STRING_CONSTANT =
      Pattern.compile("static\\s+final\\s+String\\s+[A-Z][A-Z0-9_]*\\s*=\\s*\"([A-Za-z_]\\w*)\"");

  private final ObjectMapper json = new ObjectMapper();

  @Test
  void everyPhaseIsPassedExactlyTheLifecycleVariablesItReads() throws Exception {
    Set<String> lifecycleVariables = lifecycleVariables();
    Map<String, CallActivity> calls = callActivities();
    assertThat(calls).as("call activities of the lifecycle").hasSize(9);
    for (CallActivity call : calls.values()) {
      assertThat(call.passesAll).as(call.id + " passes every variable").isFalse();
      Set<String> read = new TreeSet<>(reads(call.calledElement));
      read.retainAll(lifecycleVariables);
      read.addAll(READ_ON_EVERY_TASK);
      read.removeAll(WRITTEN_BY_PHASE.getOrDefault(call.calledElement, Set.of()));
      read.removeAll(ABSENT_AT_CALL.getOrDefault(call.id, Set.of()));
      Set<String> missing = new TreeSet<>(read);
      missing.removeAll(call.passed);
      assertThat(missing).as(call.id + " (" + call.calledElement + ") reads lifecycle variables it is not passed")
          .isEmpty();
      Set<String> unread = new TreeSet<>(call.passed);
      unread.removeAll(read);
      assertThat(unread).as(call.id + " (" + call.calledElement + ") is passed variables it does not read")
          .isEmpty();
    }
  }

  /** The scan finds what is known to be read, so an empty difference above means something. */
  @Test
  void theScanFindsKnownReadsInDiagramsDecisionsFormsAndJava() throws Exception {
    // candidate groups in the diagram
    assertThat(reads("close-out")).contains(ProcessVariables.PROPOSER_GROUP);
    // the routing table's inputs (central-approval-routing.dmn)
    assertThat(reads("central-approval")).contains(ProcessVariables.PROPOSER_LEVEL,
        ProcessVariables.BURDENS_PUBLIC_OR_OUTSIDE_BUDGET);
    // forms' expressions (the work plan's draft shows fields by cooperation type) and value keys
    assertThat(formReads("annual-work-plan")).contains(ProcessVariables.COOPERATION_TYPE, "regencyOptions");
    // Java: ApprovalOutcomes tells an extension by the term, the evaluation records its term and kind
    assertThat(reads("central-approval")).contains(ProcessVariables.TERM);
    assertThat(reads("evaluation")).contains(ProcessVariables.TERM, ProcessVariables.EVALUATION_KIND);
    assertThat(reads("monitoring")).contains(ProcessVariables.CYCLE_YEAR);
  }

  // ------------------------------------------------------------------ the lifecycle

  record CallActivity(String id, String calledElement, Set<String> passed, boolean passesAll) {
  }

  private static Map<String, CallActivity> callActivities() throws Exception {
    Document doc = parse(PROCESSES.resolve("cooperation-lifecycle.bpmn"));
    Map<String, CallActivity> calls = new LinkedHashMap<>();
    NodeList nodes = doc.getElementsByTagNameNS(BPMN, "callActivity");
    for (int i = 0; i < nodes.getLength(); i++) {
      Element call = (Element) nodes.item(i);
      Set<String> passed = new TreeSet<>();
      boolean all = false;
      NodeList ins = call.getElementsByTagNameNS(CAMUNDA, "in");
      for (int j = 0; j < ins.getLength(); j++) {
        Element in = (Element) ins.item(j);
        all |= "all".equals(in.getAttribute("variables"));
        if (!in.getAttribute("target").isEmpty()) {
          passed.add(in.getAttribute("target"));
        }
      }
      calls.put(call.getAttribute("id"),
          new CallActivity(call.getAttribute("id"), call.getAttribute("calledElement"), passed, all));
    }
    return calls;
  }

  /** Every variable the lifecycle instance may hold: the shared facts, its own, and its loop's. */
  private static Set<String> lifecycleVariables() throws IllegalAccessException {
    Set<String> names = new TreeSet<>(new LifecycleVariables().names());
    for (Class<?> type : List.of(ProcessVariables.class)) {
      for (Field f : type.getFields()) {
        if (Modifier.isStatic(f.getModifiers()) && f.getType() == String.class) {
          names.add((String) f.get(null));
        }
      }
    }
    names.addAll(Set.of(LifecycleProcess.TERMINATION_REASON, "loopCounter", "nrOfInstances", "nrOfActiveInstances",
        "nrOfCompletedInstances"));
    return names;
  }

  // ------------------------------------------------------------------ what a phase reads

  private Set<String> reads(String processKey) throws Exception {
    Set<String> read = new TreeSet<>();
    String diagram = Files.readString(PROCESSES.resolve(processKey + ".bpmn"));
    Set<String> beans = new TreeSet<>();
    Matcher m = EXPRESSION.matcher(diagram);
    while (m.find()) {
      String expression = m.group(1).replace("&#39;", "'").replace("&quot;", "\"").replace("&amp;", "&")
          .replace("&lt;", "<").replace("&gt;", ">");
      read.addAll(identifiers(expression));
      Matcher bean = BEAN.matcher(expression);
      if (bean.find()) {
        beans.add(bean.group(1));
      }
    }
    read.addAll(decisionReads(diagram));
    read.addAll(formReads(processKey));
    read.addAll(javaReads(processKey, beans));
    return read;
  }

  private static Set<String> identifiers(String expression) {
    Set<String> names = new TreeSet<>();
    Matcher literal = GET_VARIABLE.matcher(expression);
    while (literal.find()) {
      names.add(literal.group(1));
    }
    Matcher id = IDENTIFIER.matcher(STRING.matcher(expression).replaceAll(" "));
    while (id.find()) {
      names.add(id.group(1));
    }
    return names;
  }

  /** The input expressions of the decisions the diagram's business rule tasks evaluate. */
  private static Set<String> decisionReads(String diagram) throws Exception {
    Set<String> read = new TreeSet<>();
    Matcher ref = Pattern.compile("camunda:decisionRef=\"([^\"]+)\"").matcher(diagram);
    while (ref.find()) {
      String decision = ref.group(1);
      boolean found = false;
      try (Stream<Path> files = Files.list(PROCESSES)) {
        for (Path dmn : files.filter(p -> p.toString().endsWith(".dmn")).toList()) {
          Document doc = parse(dmn);
          NodeList decisions = doc.getElementsByTagNameNS("*", "decision");
          for (int i = 0; i < decisions.getLength(); i++) {
            Element d = (Element) decisions.item(i);
            if (!decision.equals(d.getAttribute("id"))) {
              continue;
            }
            found = true;
            NodeList inputs = d.getElementsByTagNameNS("*", "inputExpression");
            for (int j = 0; j < inputs.getLength(); j++) {
              read.addAll(identifiers(inputs.item(j).getTextContent()));
            }
          }
        }
      }
      assertThat(found).as("decision " + decision).isTrue();
    }
    return read;
  }

  /** Field keys, value keys, expressions ({@code =…}) and templates ({@code {{…}}}) of the phase's forms. */
  private Set<String> formReads(String processKey) throws IOException {
    Set<String> read = new TreeSet<>();
    String diagram = Files.readString(PROCESSES.resolve(processKey + ".bpmn"));
    Set<String> formIds = new TreeSet<>();
    Matcher ref = Pattern.compile("camunda:formRef=\"([^\"]+)\"").matcher(diagram);
    while (ref.find()) {
      formIds.add(ref.group(1));
    }
    try (Stream<Path> files = Files.walk(FORMS)) {
      for (Path form : files.filter(p -> p.toString().endsWith(".form")).toList()) {
        JsonNode root = json.readTree(form.toFile());
        if (formIds.remove(root.path("id").asText())) {
          collect(root, read);
        }
      }
    }
    assertThat(formIds).as("forms of " + processKey + " not found").isEmpty();
    return read;
  }

  private static void collect(JsonNode node, Set<String> read) {
    if (node.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> field = it.next();
        if (("key".equals(field.getKey()) || "valuesKey".equals(field.getKey())) && field.getValue().isTextual()) {
          read.add(field.getValue().asText());
        } else {
          collect(field.getValue(), read);
        }
      }
    } else if (node.isArray()) {
      node.forEach(n -> collect(n, read));
    } else if (node.isTextual()) {
      String text = node.asText();
      if (text.startsWith("=")) {
        read.addAll(identifiers(text.substring(1)));
      }
      Matcher template = Pattern.compile("\\{\\{(.*?)}}").matcher(text);
      while (template.find()) {
        read.addAll(identifiers(template.group(1)));
      }
    }
  }

  /** The phase's package and the classes of the beans its expressions name. */
  private static Set<String> javaReads(String processKey, Set<String> beans) throws Exception {
    Set<Path> sources = new java.util.TreeSet<>();
    if (PHASE_PACKAGE.containsKey(processKey)) {
      try (Stream<Path> files = Files.list(JAVA.resolve(PHASE_PACKAGE.get(processKey)))) {
        files.filter(p -> p.toString().endsWith(".java")).forEach(sources::add);
      }
    }
    try (Stream<Path> files = Files.walk(JAVA)) {
      for (Path p : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        String name = p.getFileName().toString().replace(".java", "");
        if (beans.contains(Character.toLowerCase(name.charAt(0)) + name.substring(1))) {
          sources.add(p);
        }
      }
    }
    Set<String> read = new TreeSet<>();
    for (Path source : sources) {
      String code = Files.readString(source);
      Matcher constant = CONSTANT.matcher(code);
      while (constant.find()) {
        Class<?> owner = "ProcessVariables".equals(constant.group(1)) ? ProcessVariables.class : LifecycleProcess.class;
        Object value = owner.getField(constant.group(2)).get(null);
        if (value instanceof String s) {
          read.add(s);
        }
      }
      Matcher accessor = ACCESSOR.matcher(code);
      while (accessor.find()) {
        read.add(accessor.group(1));
      }
      for (Pattern named : List.of(GET_VARIABLE, STRING_CONSTANT)) {
        Matcher literal = named.matcher(code);
        while (literal.find()) {
          read.add(literal.group(1));
        }
      }
    }
    return read;
  }

  private static Document parse(Path file) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    return factory.newDocumentBuilder().parse(file.toFile());
  }
}
