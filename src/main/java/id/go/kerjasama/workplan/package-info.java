/**
 * The annual work plan phase ({@code annual-work-plan}).
 */
@ApplicationModule(displayName = "Work plan", allowedDependencies = {"registry", "platform :: *"})
package id.go.kerjasama.workplan;

import org.springframework.modulith.ApplicationModule;
