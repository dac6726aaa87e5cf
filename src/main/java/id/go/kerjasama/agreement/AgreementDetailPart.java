package id.go.kerjasama.agreement;

/**
 * A part of an agreement's detail view ({@code GET /api/agreements/{id}})
 * that another phase contributes, e.g. the work plans, reports or
 * evaluations: a Spring bean implementing this appears in the view under
 * {@link #name()}, after the registry's own parts (agreement, timeline,
 * signings, documents). The reader's right to see the agreement is already checked.
 */
public interface AgreementDetailPart {

  /** The JSON property, e.g. {@code workPlans}; must not clash with the view's own fields. */
  String name();

  /** The part's content for that agreement (a list or an object, serialised as JSON). */
  Object forAgreement(Agreement agreement);
}
