/**
 * Who may do what: the role authorizations of every group (docs/roles.md)
 * and the seeding of groups, administrators and demo users at start-up.
 */
@ApplicationModule(displayName = "Roles", allowedDependencies = {"lifecycle", "ngo", "platform :: *"})
package id.go.kerjasama.roles;

import org.springframework.modulith.ApplicationModule;
