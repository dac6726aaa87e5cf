/** Part of the platform module that other modules may use (named interface {@code calendar}). */
@NamedInterface("calendar")
package id.go.kerjasama.platform.calendar;

import org.springframework.modulith.NamedInterface;
