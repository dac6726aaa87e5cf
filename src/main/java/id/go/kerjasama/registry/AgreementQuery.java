package id.go.kerjasama.registry;

import java.time.LocalDate;
import java.util.List;

/**
 * A search of the registry (docs/api.md "Search"): every filter is optional;
 * lists mean "any of". Authorization is not part of the query: the search
 * adds the reader's groups itself.
 *
 * @param province    a province code or group ({@code 32}, {@code province-32}): proposed by it or its
 *                    regencies/cities, or taking place there
 * @param ministry    a ministry code or group: proposer or partner ministry (Mitra Utama)
 * @param proposer    the proposing unit's group
 * @param partner     part of the partner's name, any case
 * @param endBefore   end date strictly before this day
 * @param endAfter    end date strictly after this day
 * @param text        free text: every word must appear in the title, partner, country,
 *                    registration, document or legacy number
 * @param sort        {@code field,asc|desc} items; fields in {@link AgreementSearch#SORT_COLUMNS}
 * @param ngo         the group of the foreign NGO that is a party, e.g. {@code ngo-demo}
 */
public record AgreementQuery(
    List<CooperationType> types,
    List<Phase> phases,
    List<Status> statuses,
    String province,
    String ministry,
    String proposer,
    String partner,
    String partnerCountry,
    List<Sector> sectors,
    List<DocumentKind> documentKinds,
    LocalDate endBefore,
    LocalDate endAfter,
    String text,
    List<String> sort,
    String ngo) {

  /** A search without the NGO filter. */
  public AgreementQuery(List<CooperationType> types, List<Phase> phases, List<Status> statuses, String province,
                        String ministry, String proposer, String partner, String partnerCountry,
                        List<Sector> sectors, List<DocumentKind> documentKinds, LocalDate endBefore,
                        LocalDate endAfter, String text, List<String> sort) {
    this(types, phases, statuses, province, ministry, proposer, partner, partnerCountry, sectors, documentKinds,
        endBefore, endAfter, text, sort, null);
  }

  public AgreementQuery {
    types = types == null ? List.of() : List.copyOf(types);
    phases = phases == null ? List.of() : List.copyOf(phases);
    statuses = statuses == null ? List.of() : List.copyOf(statuses);
    sectors = sectors == null ? List.of() : List.copyOf(sectors);
    documentKinds = documentKinds == null ? List.of() : List.copyOf(documentKinds);
    sort = sort == null ? List.of() : List.copyOf(sort);
  }

  public static AgreementQuery all() {
    return new AgreementQuery(null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);
  }
}
