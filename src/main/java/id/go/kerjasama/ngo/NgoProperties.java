package id.go.kerjasama.ngo;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The rules of the NGO route that are configuration ({@code kerjasama.ngo} in
 * application.yaml; docs/processes.md "NGO route" says which are verified
 * articles and which are assumptions).
 *
 * @param fileCheckGroup        the group that checks an NGO's application file
 * @param permitGroup           the group that decides principle permits and their renewal (the Foreign Minister's
 *                              seat in TPOA)
 * @param sanctionGroup         the group that decides sanctions
 * @param maxValidityYears      the longest a principle permit (or a renewal) runs
 * @param renewalLeadMonths     a renewal must be requested at least this many months before the permit expires
 * @param responseWorkingDays   working days an NGO has to answer a written warning or a suspension
 *                              (UU 17/2013 art. 62(1) as amended: 7 working days, for ormas generally)
 * @param warningCount          how many written warnings precede a suspension (amended art. 62(1): one)
 * @param suspensionMaxDays     the longest temporary suspension, in calendar days
 * @param foreignStaffMax       the most foreign staff an NGO may have at one time (PP 59/2016 art. 25 as reported:
 *                              3; 0: no limit)
 * @param foreignStaffMaxYears  the longest assignment of a foreign staff member (art. 25 as reported: 5 years)
 * @param reusePrinciplePermit  true: a cooperation of an NGO with a principle permit in force skips the TPOA round
 * @param reminderDays          days before a permit or a staff member's stay ends that the NGO is reminded
 * @param taskWorkingDays       working days each task of the NGO's processes is due in
 * @param gradedSanctions       true: each sanction only after the lighter one before it (written warning(s),
 *                              suspension, revocation: amended UU 17/2013 art. 62); false: any sanction any time
 * @param suspensionPausesCooperations true: a temporary suspension suspends the process instances of every running
 *                              cooperation of the NGO until it is lifted (assumption A31)
 * @param tpoaSingleObjectionBlocks true: one TPOA seat's objection refuses the principle permit at once (assumption
 *                              A11); false: every seat recommends and the recommendations, objections included, go
 *                              to the permit decision, which weighs them (a return still ends the round)
 * @param cooperationFileCheckGroup who checks the file of a foreign-NGO cooperation in central approval
 *                              ({@code UserTask_CheckFileComplete}): empty (default) the Mitra Utama that proposes
 *                              it, or a group, e.g. {@code tpoa-kemlu} (assumption A12)
 * @param operationalPermitIssuerGroup who decides a cooperation's operational permit after its MSP is signed
 *                              ({@code UserTask_DecideOperationalPermit}): empty (default) the Mitra Utama of the
 *                              cooperation (assumption A13), or a group (assumption A38)
 */
@ConfigurationProperties(prefix = "kerjasama.ngo")
public record NgoProperties(
    @DefaultValue("tpoa-kemlu") String fileCheckGroup,
    @DefaultValue("tpoa-kemlu") String permitGroup,
    @DefaultValue("tpoa-kemlu") String sanctionGroup,
    @DefaultValue("3") int maxValidityYears,
    @DefaultValue("3") int renewalLeadMonths,
    @DefaultValue("7") int responseWorkingDays,
    @DefaultValue("1") int warningCount,
    @DefaultValue("180") int suspensionMaxDays,
    @DefaultValue("3") int foreignStaffMax,
    @DefaultValue("5") int foreignStaffMaxYears,
    @DefaultValue("true") boolean reusePrinciplePermit,
    @DefaultValue("30") int reminderDays,
    @DefaultValue("10") int taskWorkingDays,
    @DefaultValue("true") boolean gradedSanctions,
    @DefaultValue("true") boolean suspensionPausesCooperations,
    @DefaultValue("true") boolean tpoaSingleObjectionBlocks,
    @DefaultValue("") String cooperationFileCheckGroup,
    @DefaultValue("") String operationalPermitIssuerGroup) {
}
