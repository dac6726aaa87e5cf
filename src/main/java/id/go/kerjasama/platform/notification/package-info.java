/** Part of the platform module that other modules may use (named interface {@code notification}). */
@NamedInterface("notification")
package id.go.kerjasama.platform.notification;

import org.springframework.modulith.NamedInterface;
