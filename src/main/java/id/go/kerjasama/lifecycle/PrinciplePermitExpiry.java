package id.go.kerjasama.lifecycle;

import java.time.LocalDate;
import java.util.Optional;

/**
 * Where the registry knows it, the day a foreign NGO's principle permit (izin
 * prinsip) expires. Renewal of a foreign-NGO agreement starts at the latest
 * three months before it (GR 59/2016). Optional: without an implementation the
 * MSP's end date bounds the renewal, which by rule never outlasts the permit.
 */
public interface PrinciplePermitExpiry {

  Optional<LocalDate> validUntil(long agreementId);
}
