/** Part of the platform module that other modules may use (named interface {@code forms}). */
@NamedInterface("forms")
package id.go.kerjasama.platform.forms;

import org.springframework.modulith.NamedInterface;
