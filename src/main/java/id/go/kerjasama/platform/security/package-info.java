/** Part of the platform module that other modules may use (named interface {@code security}). */
@NamedInterface("security")
package id.go.kerjasama.platform.security;

import org.springframework.modulith.NamedInterface;
