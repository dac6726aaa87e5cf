/**
 * The legacy CSV import: agreements that exist on paper enter the registry
 * and start their lifecycle where they stand.
 */
@ApplicationModule(displayName = "Legacy import", allowedDependencies = {"lifecycle", "signing", "documents", "registry", "platform :: *"})
package id.go.kerjasama.legacyimport;

import org.springframework.modulith.ApplicationModule;
