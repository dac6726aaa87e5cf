/**
 * The main process ({@code cooperation-lifecycle}): registering a proposal,
 * the terms and their yearly cycles, the registry's phase, termination.
 */
@ApplicationModule(displayName = "Lifecycle", allowedDependencies = {"ngo", "registry", "signing", "platform :: *"})
package id.go.kerjasama.lifecycle;

import org.springframework.modulith.ApplicationModule;
