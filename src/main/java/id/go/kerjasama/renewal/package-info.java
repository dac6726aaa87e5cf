/**
 * The renewal phase ({@code renewal}) and termination's close-out
 * ({@code close-out}).
 */
@ApplicationModule(displayName = "Renewal", allowedDependencies = {"evaluation", "registry", "platform :: *"})
package id.go.kerjasama.renewal;

import org.springframework.modulith.ApplicationModule;
