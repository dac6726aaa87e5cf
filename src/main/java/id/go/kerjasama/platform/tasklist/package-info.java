/** Part of the platform module that other modules may use (named interface {@code tasklist}). */
@NamedInterface("tasklist")
package id.go.kerjasama.platform.tasklist;

import org.springframework.modulith.NamedInterface;
