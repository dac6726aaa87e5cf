package id.go.kerjasama.approval;

import java.time.Instant;
import java.time.LocalDate;

/** The offer letter (surat penawaran kerja sama) a region sent its partner, as recorded on UserTask_SendOffer. */
record OfferLetter(long id, String letterNumber, LocalDate letterDate, String recordedBy, Instant recordedAt) {
}
