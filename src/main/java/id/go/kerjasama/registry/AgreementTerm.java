package id.go.kerjasama.registry;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.IntStream;

/**
 * One term of an agreement as the lifecycle runs it: its dates, the budget
 * years whose implementation cycle it runs, and the day its renewal starts.
 */
public record AgreementTerm(
    long agreementId,
    int term,
    LocalDate startDate,
    LocalDate endDate,
    int firstCycleYear,
    int lastCycleYear,
    LocalDate renewalStartsOn,
    Instant recordedAt) {

  /** The budget years of the term's cycles, in order; empty when earlier terms ran them all. */
  public List<Integer> budgetYears() {
    return IntStream.rangeClosed(firstCycleYear, lastCycleYear).boxed().toList();
  }
}
