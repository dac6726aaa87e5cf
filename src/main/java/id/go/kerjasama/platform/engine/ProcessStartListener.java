package id.go.kerjasama.platform.engine;

import org.camunda.bpm.engine.delegate.ExecutionListener;

/**
 * A bean implementing this is called when any process instance starts
 * (the lifecycle and every phase it calls), without being named in the BPMN.
 */
public interface ProcessStartListener extends ExecutionListener {
}
