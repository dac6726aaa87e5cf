/** Part of the platform module that other modules may use (named interface {@code web}). */
@NamedInterface("web")
package id.go.kerjasama.platform.web;

import org.springframework.modulith.NamedInterface;
