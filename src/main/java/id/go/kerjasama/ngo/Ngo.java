package id.go.kerjasama.ngo;

import java.time.Instant;

/**
 * A foreign NGO in the register: its Camunda group ({@code ngo-<code>}, type
 * {@code NGO}) holds its staff.
 *
 * @param status REGISTERED (no permit yet), LICENSED (a principle permit in force), SUSPENDED, REVOKED
 */
public record Ngo(long id, String groupId, String name, String country, String legalDocuments, String contactName,
                  String contactEmail, String contactPhone, String localOffice, NgoStatus status, String createdBy,
                  Instant createdAt, Instant updatedAt) {
}
