/**
 * The ground floor: identity and organisations, security helpers, the
 * working-day calendar and the business clock, model deployment, the engine
 * plugin with the global listeners, form values, e-mail notification, Tasklist
 * filters and the {@code /api} error handling. Knows no other module; each
 * subpackage is a named interface the modules above may use.
 */
@ApplicationModule(displayName = "Platform", allowedDependencies = {})
package id.go.kerjasama.platform;

import org.springframework.modulith.ApplicationModule;
