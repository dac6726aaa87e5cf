/** Part of the platform module that other modules may use (named interface {@code time}). */
@NamedInterface("time")
package id.go.kerjasama.platform.time;

import org.springframework.modulith.NamedInterface;
