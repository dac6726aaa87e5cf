/**
 * The signing phase ({@code agreement-signing}): the signing steps per
 * cooperation type, the checks of each signed document and the signing history.
 */
@ApplicationModule(displayName = "Signing", allowedDependencies = {"documents", "registry", "platform :: *"})
package id.go.kerjasama.signing;

import org.springframework.modulith.ApplicationModule;
