/**
 * The documents of an agreement: every version of every signed document,
 * uploaded through {@code /api} and never overwritten.
 */
@ApplicationModule(displayName = "Documents", allowedDependencies = {"registry", "platform :: *"})
package id.go.kerjasama.documents;

import org.springframework.modulith.ApplicationModule;
