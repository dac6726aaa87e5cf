/** Part of the platform module that other modules may use (named interface {@code engine}). */
@NamedInterface("engine")
package id.go.kerjasama.platform.engine;

import org.springframework.modulith.NamedInterface;
