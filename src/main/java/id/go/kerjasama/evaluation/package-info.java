/**
 * The evaluation phase ({@code evaluation}): self-evaluation, Fasker's
 * evaluation and the rating table.
 */
@ApplicationModule(displayName = "Evaluation", allowedDependencies = {"registry", "platform :: *"})
package id.go.kerjasama.evaluation;

import org.springframework.modulith.ApplicationModule;
