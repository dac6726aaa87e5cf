package id.go.kerjasama.registry;

import id.go.kerjasama.platform.identity.PeopleNames;
import id.go.kerjasama.platform.identity.Organisations;
import id.go.kerjasama.platform.identity.UnitLevel;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * What a person reads instead of codes, in {@code GET /api/agreements/{id}}
 * as {@code names} (the last top-level section): the display name of every
 * user of the timeline (who decided, uploaded, recorded a signing, reviewed
 * a plan — each of those is in the audit trail) and of the agreement's
 * creator, the name of every unit involved and of the central units, the
 * labels of its sectors, and the
 * document kinds this cooperation type has with their labels (the upload of
 * the Tasklist tab "Berkas kerja sama" offers them). A user the directory no
 * longer knows is left out (the id is shown then).
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
class AgreementNames implements AgreementDetails {

  /** People by user id, units by group, the agreement's sectors by code, the document kinds of the type. */
  record Names(Map<String, String> people, Map<String, String> units, Map<String, String> sectors,
               List<KindOption> documentKinds) {
  }

  record KindOption(String kind, String label) {
  }

  private final AgreementService agreements;
  private final IdentityService identityService;
  private final Organisations organisations;

  AgreementNames(AgreementService agreements, IdentityService identityService, Organisations organisations) {
    this.agreements = agreements;
    this.identityService = identityService;
    this.organisations = organisations;
  }

  @Override
  public String name() {
    return "names";
  }

  @Override
  public boolean topLevel() {
    return true;
  }

  @Override
  public Names of(Agreement agreement) {
    Set<String> userIds = new LinkedHashSet<>();
    if (agreement.createdBy() != null) {
      userIds.add(agreement.createdBy());
    }
    agreements.events(agreement.id()).stream().map(AgreementEvent::actor).filter(Objects::nonNull)
        .forEach(userIds::add);
    // the reader may see the agreement, not necessarily every user's profile
    Map<String, String> people = PeopleNames.of(identityService, userIds);
    Map<String, String> units = new LinkedHashMap<>();
    agreement.involvedGroups().forEach(g -> organisations.find(g).ifPresent(u -> units.put(g, u.name())));
    organisations.byLevel(UnitLevel.CENTRAL).forEach(u -> units.put(u.group(), u.name()));
    List<KindOption> kinds = Arrays.stream(DocumentKind.values()).filter(k -> k.belongsTo(agreement.type()))
        .map(k -> new KindOption(k.name(), k.label())).toList();
    Map<String, String> sectors = new LinkedHashMap<>();
    agreement.sectors().forEach(code -> sectors.put(code, Arrays.stream(Sector.values())
        .filter(s -> s.name().equals(code)).map(Sector::label).findFirst().orElse(code)));
    return new Names(people, units, sectors, kinds);
  }

}
