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
 * @param responseDays          calendar days an NGO has to answer a written warning
 * @param suspensionMaxDays     the longest temporary suspension, in calendar days
 * @param foreignStaffLimit     the most foreign staff an NGO may have in the register at one time (0: no limit)
 * @param reminderDays          days before a permit or a staff member's stay ends that the NGO is reminded
 * @param taskWorkingDays       working days each task of the NGO's processes is due in
 * @param gradedSanctions       true: a suspension needs an earlier written warning and a second or third warning
 *                              the one before it (the order of the regulation); false: any sanction any time
 */
@ConfigurationProperties(prefix = "kerjasama.ngo")
public record NgoProperties(
    @DefaultValue("tpoa-kemlu") String fileCheckGroup,
    @DefaultValue("tpoa-kemlu") String permitGroup,
    @DefaultValue("tpoa-kemlu") String sanctionGroup,
    @DefaultValue("3") int maxValidityYears,
    @DefaultValue("3") int renewalLeadMonths,
    @DefaultValue("14") int responseDays,
    @DefaultValue("180") int suspensionMaxDays,
    @DefaultValue("0") int foreignStaffLimit,
    @DefaultValue("30") int reminderDays,
    @DefaultValue("10") int taskWorkingDays,
    @DefaultValue("true") boolean gradedSanctions) {
}
