package id.go.kerjasama.ngo;

import java.time.Instant;

/** A place an NGO works at: its province, optionally its regency/city, and the address. */
public record NgoLocation(long id, long ngoId, String provinceGroup, String regencyGroup, String address,
                          String recordedBy, Instant recordedAt) {
}
