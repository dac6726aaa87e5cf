package id.go.kerjasama.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The documented cluster (docs/operations.md: several instances on one
 * database): two whole applications, production profile, on one embedded
 * PostgreSQL database, each with its own job executor. A burst of
 * asynchronous jobs started through both nodes runs exactly once each, and
 * both nodes take part.
 */
class TwoNodesIT {

  static final int BURST = Integer.getInteger("twonodes.burst", 200);
  static final Map<String, AtomicInteger> RUNS = new ConcurrentHashMap<>();
  static final Map<ProcessEngine, AtomicInteger> BY_NODE = new ConcurrentHashMap<>();

  static ConfigurableApplicationContext node1;
  static ConfigurableApplicationContext node2;

  /** The job's work: counts its run by business key and by the node (engine) that ran it. */
  public static class CountingDelegate implements JavaDelegate {
    @Override
    public void execute(DelegateExecution execution) {
      RUNS.computeIfAbsent(execution.getProcessBusinessKey(), k -> new AtomicInteger()).incrementAndGet();
      BY_NODE.computeIfAbsent(execution.getProcessEngine(), k -> new AtomicInteger()).incrementAndGet();
    }
  }

  @BeforeAll
  static void startTwoNodes() {
    String url = EmbeddedPostgresDatabase.createFreshDatabase("kerjasama_two_nodes");
    // one after the other, as a rolling start: the first creates the schema, the second finds it
    node1 = ApplicationNode.start(url);
    node2 = ApplicationNode.start(url);
  }

  @AfterAll
  static void stop() {
    for (ConfigurableApplicationContext node : new ConfigurableApplicationContext[] {node2, node1}) {
      if (node != null) {
        node.close();
      }
    }
  }

  @Test
  void aBurstOfJobsThroughBothNodesRunsEachJobExactlyOnce() throws Exception {
    ProcessEngine engine1 = node1.getBean(ProcessEngine.class);
    ProcessEngine engine2 = node2.getBean(ProcessEngine.class);
    assertThat(engine1.getName()).isNotEqualTo(engine2.getName());
    engine1.getRepositoryService().createDeployment().name("two-nodes")
        .addModelInstance("two-nodes-burst.bpmn", Bpmn.createExecutableProcess("two-nodes-burst")
            .camundaHistoryTimeToLive(1)
            .startEvent()
            .serviceTask("ServiceTask_Count").camundaAsyncBefore().camundaClass(CountingDelegate.class.getName())
            .endEvent()
            .done())
        .deploy();

    for (int i = 0; i < BURST; i++) {
      ProcessEngine through = i % 2 == 0 ? engine1 : engine2;
      through.getRuntimeService().startProcessInstanceByKey("two-nodes-burst", "burst-" + i);
    }

    long deadline = System.currentTimeMillis() + 180_000;
    while (engine1.getManagementService().createJobQuery().processDefinitionKey("two-nodes-burst").count() > 0
        && System.currentTimeMillis() < deadline) {
      Thread.sleep(200);
    }

    assertThat(engine1.getManagementService().createJobQuery().processDefinitionKey("two-nodes-burst").count())
        .as("jobs left after 3 minutes").isZero();
    assertThat(RUNS).hasSize(BURST);
    assertThat(RUNS.values()).allSatisfy(runs -> assertThat(runs.get()).isEqualTo(1));
    assertThat(engine1.getHistoryService().createHistoricProcessInstanceQuery()
        .processDefinitionKey("two-nodes-burst").completed().count()).isEqualTo(BURST);
    assertThat(engine1.getHistoryService().createHistoricJobLogQuery().processDefinitionKey("two-nodes-burst")
        .failureLog().count()).as("failed job runs").isZero();
    assertThat(engine1.getHistoryService().createHistoricJobLogQuery().processDefinitionKey("two-nodes-burst")
        .successLog().count()).isEqualTo(BURST);
    // both job executors took part
    assertThat(BY_NODE.keySet()).containsExactlyInAnyOrder(engine1, engine2);
    System.out.println("[two nodes] " + BURST + " jobs: node 1 ran " + BY_NODE.get(engine1) + ", node 2 ran "
        + BY_NODE.get(engine2));
  }
}
