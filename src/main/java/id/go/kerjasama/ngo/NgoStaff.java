package id.go.kerjasama.ngo;

import java.time.LocalDate;

/** A foreign staff member of an NGO, with the stay permit the period rests on. */
public record NgoStaff(long id, long ngoId, String name, String nationality, String passportNumber, String position,
                       String stayPermitNumber, LocalDate periodStart, LocalDate periodEnd, String recordedBy) {
}
