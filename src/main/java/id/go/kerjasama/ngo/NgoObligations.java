package id.go.kerjasama.ngo;

import id.go.kerjasama.platform.time.BusinessClock;
import id.go.kerjasama.platform.web.InvalidInputException;
import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What an NGO must keep up to date: its foreign staff (with the number the
 * configuration allows at one time and for how long, {@code kerjasama.ngo.foreign-staff-max} and
 * {@code foreign-staff-max-years}),
 * and the sanctions decided against it (read here for the API).
 */
@Service
@Transactional
class NgoObligations {

  private final NgoRepository repository;
  private final NgoRegistry registry;
  private final NgoProperties properties;

  NgoObligations(NgoRepository repository, NgoRegistry registry, NgoProperties properties) {
    this.repository = repository;
    this.registry = registry;
    this.properties = properties;
  }

  @Transactional(readOnly = true)
  List<NgoStaff> staff(long ngoId) {
    return repository.staff(ngoId);
  }

  @Transactional(readOnly = true)
  List<NgoSanction> sanctions(long ngoId) {
    return repository.sanctions(ngoId);
  }

  @Transactional(readOnly = true)
  List<NgoFunding> funding(long ngoId) {
    return repository.funding(ngoId);
  }

  @Transactional(readOnly = true)
  List<NgoLocation> locations(long ngoId) {
    return repository.locations(ngoId);
  }

  /** A funding source the NGO declares (UU 17/2013 art. 51(e)); refused once its permits are revoked. */
  NgoFunding addFunding(Ngo ngo, NewFunding funding, String by) {
    refuseRevoked(ngo, "sumber dana");
    long id = repository.insertFunding(ngo.id(), funding, by);
    registry.recordEvent(ngo.id(), by, "Funding_Declared", "Sumber dana dicatat", "RECORDED",
        funding.source() + " (" + funding.country() + "), " + funding.currency() + " " + funding.amount().toPlainString()
            + ", tahun " + funding.budgetYear());
    return repository.funding(ngo.id()).stream().filter(f -> f.id() == id).findFirst().orElseThrow();
  }

  /** A work location the NGO declares; refused once its permits are revoked. */
  NgoLocation addLocation(Ngo ngo, NewLocation location, String by) {
    refuseRevoked(ngo, "lokasi kegiatan");
    long id = repository.insertLocation(ngo.id(), location, by);
    registry.recordEvent(ngo.id(), by, "Location_Declared", "Lokasi kegiatan dicatat", "RECORDED",
        location.provinceGroup() + (location.regencyGroup() == null ? "" : ", " + location.regencyGroup()) + ": "
            + location.address());
    return repository.locations(ngo.id()).stream().filter(l -> l.id() == id).findFirst().orElseThrow();
  }

  private static void refuseRevoked(Ngo ngo, String what) {
    if (ngo.status() == NgoStatus.REVOKED) {
      throw new InvalidInputException(List.of("Izin " + ngo.name() + " telah dicabut: " + what
          + " tidak dapat dicatat lagi"));
    }
  }

  NgoStaff addStaff(Ngo ngo, NewStaff staff, String by) {
    if (ngo.status() == NgoStatus.REVOKED) {
      throw new InvalidInputException(List.of("Izin " + ngo.name() + " telah dicabut: tenaga asing tidak dapat "
          + "dicatat lagi"));
    }
    LocalDate longest = staff.periodStart().plusYears(properties.foreignStaffMaxYears());
    if (properties.foreignStaffMaxYears() > 0 && staff.periodEnd().isAfter(longest)) {
      throw new InvalidInputException(List.of("Penugasan tenaga asing paling lama " + properties.foreignStaffMaxYears()
          + " tahun: akhir penugasan paling lambat " + longest));
    }
    int limit = properties.foreignStaffMax();
    if (limit > 0) {
      LocalDate day = staff.periodStart().isAfter(BusinessClock.today()) ? staff.periodStart() : BusinessClock.today();
      long atOnce = repository.staff(ngo.id()).stream()
          .filter(s -> !s.periodEnd().isBefore(day) && !s.periodStart().isAfter(staff.periodEnd())).count();
      if (atOnce >= limit) {
        throw new InvalidInputException(List.of("Jumlah tenaga asing " + ngo.name() + " sudah " + atOnce
            + " orang pada masa itu; paling banyak " + limit + " orang"));
      }
    }
    long id = repository.insertStaff(ngo.id(), staff, by);
    registry.recordEvent(ngo.id(), by, "Staff_Registered", "Tenaga asing dicatat", "RECORDED",
        staff.name() + " (" + staff.nationality() + "), " + staff.position() + ", " + staff.periodStart() + " s.d. "
            + staff.periodEnd());
    return repository.staff(ngo.id()).stream().filter(s -> s.id() == id).findFirst().orElseThrow();
  }
}
