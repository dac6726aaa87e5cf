/**
 * The central approval phase ({@code central-approval}): TPOA
 * recommendations, principle permits (the registry's {@code PrinciplePermits}),
 * DPRD approvals and the routing table.
 */
@ApplicationModule(displayName = "Central approval", allowedDependencies = {"ngo", "registry", "platform :: *"})
package id.go.kerjasama.approval;

import org.springframework.modulith.ApplicationModule;
