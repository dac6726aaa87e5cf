/** Part of the platform module that other modules may use (named interface {@code deployment}). */
@NamedInterface("deployment")
package id.go.kerjasama.platform.deployment;

import org.springframework.modulith.NamedInterface;
