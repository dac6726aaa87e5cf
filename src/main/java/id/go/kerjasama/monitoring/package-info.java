/**
 * The monitoring phase ({@code monitoring}): progress reports on the
 * approved work plan, their reviews and reminders.
 */
@ApplicationModule(displayName = "Monitoring", allowedDependencies = {"workplan", "registry", "platform :: *"})
package id.go.kerjasama.monitoring;

import org.springframework.modulith.ApplicationModule;
