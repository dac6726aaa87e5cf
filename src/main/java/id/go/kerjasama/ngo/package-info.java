/**
 * Foreign NGOs (ormas asing) as parties of their own (docs/processes.md "NGO
 * route"): the NGO register and its Camunda group (type {@code NGO}), the
 * permits it holds (principle and operational; renewal, suspension,
 * revocation), its obligations (foreign staff, funding sources, activity
 * locations) and its sanctions, with the NGO's own audit trail
 * ({@code ngo_event}). Sits above the registry and below the phases: central
 * approval, signing and the lifecycle ask {@link id.go.kerjasama.ngo.NgoRegistry}
 * and {@link id.go.kerjasama.ngo.NgoPermits} through their public methods.
 */
@ApplicationModule(displayName = "Foreign NGOs", allowedDependencies = {"registry", "platform :: *"})
package id.go.kerjasama.ngo;

import org.springframework.modulith.ApplicationModule;
