package id.go.kerjasama.registry;

import java.util.List;

/** A page of search results; {@code page} counts from 0. */
public record AgreementPage(List<AgreementSummary> items, int page, int size, long totalItems, int totalPages) {
}
