/**
 * The agreement registry, the core every other module builds on: agreements,
 * their terms, the audit trail of decisions, search and CSV export, the
 * visibility of an agreement, the process variables every phase shares, and
 * the extension points the modules above plug into ({@code AgreementDetails},
 * {@code PrinciplePermits}).
 */
@ApplicationModule(displayName = "Registry", allowedDependencies = {"platform :: *"})
package id.go.kerjasama.registry;

import org.springframework.modulith.ApplicationModule;
