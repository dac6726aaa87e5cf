/**
 * The top floor: start-up (deploy, seed, filters), the administrators' API
 * (redeploy, migration) and the supervisors' dashboard, which asks the
 * modules below for their figures. May use every module; none uses it.
 */
@ApplicationModule(displayName = "Operations")
package id.go.kerjasama.operations;

import org.springframework.modulith.ApplicationModule;
