package id.go.kerjasama.ngo;

import id.go.kerjasama.platform.identity.PeopleNames;
import id.go.kerjasama.platform.identity.Organisations;
import id.go.kerjasama.registry.Agreement;
import id.go.kerjasama.registry.AgreementService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.context.annotation.Lazy;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The NGO register API: {@code /api/ngos} (docs/api.md "Foreign NGOs"). */
@RestController
@RequestMapping("/api/ngos")
@Tag(name = "Ormas asing")
class NgoController {

  private final NgoRegistry registry;
  private final NgoPermits permits;
  private final NgoObligations obligations;
  private final AgreementService agreements;
  private final NgoAccess access;
  private final Organisations organisations;

  private final IdentityService identityService;

  NgoController(NgoRegistry registry, NgoPermits permits, NgoObligations obligations, AgreementService agreements,
                NgoAccess access, Organisations organisations, @Lazy IdentityService identityService) {
    this.identityService = identityService;
    this.organisations = organisations;
    this.registry = registry;
    this.permits = permits;
    this.obligations = obligations;
    this.agreements = agreements;
    this.access = access;
  }

  /** One line of the list. */
  record NgoSummary(long id, String groupId, String name, String country, NgoStatus status, String statusLabel,
                    LocalDate principlePermitValidUntil) {
  }

  /** A cooperation the NGO is a party of; phase and status also as a person reads them. */
  record Cooperation(long id, String registrationNumber, String title, String partnerMinistry, String phase,
                     String status, LocalDate startDate, LocalDate endDate, String phaseLabel, String statusLabel) {
  }

  /**
   * What a person reads instead of codes (Tasklist's tab "Berkas kerja sama" of the NGO tasks): people by
   * user id (who recorded, decided, issued), units by group (partner ministries, activity locations).
   */
  record Names(Map<String, String> people, Map<String, String> units) {
  }

  record NgoView(Ngo ngo, String statusLabel, List<NgoPermit> permits, List<Cooperation> cooperations,
                 List<NgoStaff> staff, List<NgoFunding> funding, List<NgoLocation> locations,
                 List<NgoSanction> sanctions, List<NgoEvent> timeline, Names names) {
  }

  @GetMapping
  @Operation(summary = "Daftar ormas asing (Fasker, pengawas, TPOA, kementerian/lembaga)")
  List<NgoSummary> list() {
    access.checkList();
    LocalDate today = id.go.kerjasama.platform.time.BusinessClock.today();
    return registry.all().stream().map(n -> new NgoSummary(n.id(), n.groupId(), n.name(), n.country(), n.status(),
        n.status().label(), permits.principlePermitInForce(n.groupId(), today).map(NgoPermit::validUntil)
            .orElse(null))).toList();
  }

  @GetMapping("/{id}")
  @Operation(summary = "Rincian ormas asing: izin, kerja sama, tenaga asing, sanksi, linimasa")
  NgoView get(@PathVariable long id) {
    Ngo ngo = access.checkRead(registry.get(id));
    List<Cooperation> cooperations = registry.agreementIds(ngo).stream().map(agreements::get)
        .map(NgoController::cooperation).toList();
    List<NgoPermit> permitList = permits.permits(id);
    List<NgoStaff> staff = obligations.staff(id);
    List<NgoFunding> funding = obligations.funding(id);
    List<NgoLocation> locations = obligations.locations(id);
    List<NgoSanction> sanctions = obligations.sanctions(id);
    List<NgoEvent> timeline = registry.events(id);
    return new NgoView(ngo, ngo.status().label(), permitList, cooperations, staff, funding, locations, sanctions,
        timeline, names(ngo, permitList, cooperations, locations, sanctions, timeline));
  }

  private Names names(Ngo ngo, List<NgoPermit> permitList, List<Cooperation> cooperations,
                      List<NgoLocation> locations, List<NgoSanction> sanctions, List<NgoEvent> timeline) {
    Set<String> userIds = new LinkedHashSet<>();
    userIds.add(ngo.createdBy());
    permitList.forEach(p -> userIds.add(p.issuedBy()));
    sanctions.forEach(s -> userIds.add(s.decidedBy()));
    timeline.forEach(e -> userIds.add(e.actor()));
    userIds.remove(null);
    // the reader may see the NGO, not necessarily every user's profile
    Map<String, String> people = PeopleNames.of(identityService, userIds);
    Set<String> groups = new LinkedHashSet<>();
    groups.add(ngo.groupId());
    cooperations.forEach(c -> groups.add(c.partnerMinistry()));
    locations.forEach(l -> {
      groups.add(l.provinceGroup());
      groups.add(l.regencyGroup());
    });
    groups.remove(null);
    Map<String, String> units = new LinkedHashMap<>();
    groups.forEach(g -> organisations.find(g).ifPresent(u -> units.put(g, u.name())));
    units.putIfAbsent(ngo.groupId(), ngo.name());
    return new Names(people, units);
  }

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "Daftarkan ormas asing beserta grupnya (Fasker, administrator)")
  Ngo register(@RequestBody Map<String, Object> body) {
    access.checkRegister();
    return registry.register(NewNgo.read(body), access.userId());
  }

  @PostMapping("/{id}/staff")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "Catat tenaga kerja asing ormas (staf ormas itu sendiri)")
  NgoStaff addStaff(@PathVariable long id, @RequestBody Map<String, Object> body) {
    Ngo ngo = access.checkOwnStaff(registry.get(id));
    return obligations.addStaff(ngo, NewStaff.read(body), access.userId());
  }

  @GetMapping("/{id}/funding")
  @Operation(summary = "Sumber dana ormas asing")
  List<NgoFunding> funding(@PathVariable long id) {
    return obligations.funding(access.checkRead(registry.get(id)).id());
  }

  @PostMapping("/{id}/funding")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "Catat sumber dana ormas (staf ormas itu sendiri)")
  NgoFunding addFunding(@PathVariable long id, @RequestBody Map<String, Object> body) {
    Ngo ngo = access.checkOwnStaff(registry.get(id));
    return obligations.addFunding(ngo, NewFunding.read(body), access.userId());
  }

  @GetMapping("/{id}/locations")
  @Operation(summary = "Lokasi kegiatan ormas asing")
  List<NgoLocation> locations(@PathVariable long id) {
    return obligations.locations(access.checkRead(registry.get(id)).id());
  }

  @PostMapping("/{id}/locations")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "Catat lokasi kegiatan ormas (staf ormas itu sendiri)")
  NgoLocation addLocation(@PathVariable long id, @RequestBody Map<String, Object> body) {
    Ngo ngo = access.checkOwnStaff(registry.get(id));
    return obligations.addLocation(ngo, NewLocation.read(body, organisations), access.userId());
  }

  private static Cooperation cooperation(Agreement a) {
    return new Cooperation(a.id(), a.registrationNumber(), a.title(), a.partnerMinistry(), a.phase().name(),
        a.status().name(), a.startDate(), a.endDate(), a.phase().label(), a.status().label());
  }
}
