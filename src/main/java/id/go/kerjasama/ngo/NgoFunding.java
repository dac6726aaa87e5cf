package id.go.kerjasama.ngo;

import java.math.BigDecimal;
import java.time.Instant;

/** A funding source an NGO declares for a budget year (UU 17/2013 art. 51(e): sources and amounts of its funds). */
public record NgoFunding(long id, long ngoId, String source, String country, BigDecimal amount, String currency,
                         int budgetYear, String recordedBy, Instant recordedAt) {
}
