/** Part of the platform module that other modules may use (named interface {@code identity}). */
@NamedInterface("identity")
package id.go.kerjasama.platform.identity;

import org.springframework.modulith.NamedInterface;
