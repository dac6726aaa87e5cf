package id.go.kerjasama.platform.security;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.identity.PasswordPolicyResult;
import org.camunda.bpm.engine.identity.PasswordPolicyRule;

/** The violated rules of Camunda's password policy, said in Bahasa Indonesia and in English. */
public final class PasswordPolicyText {

  private PasswordPolicyText() {
  }

  /** "paling sedikit 10 karakter, paling sedikit 1 huruf besar". */
  public static String indonesian(PasswordPolicyResult result) {
    return result.getViolatedRules().stream().map(PasswordPolicyText::indonesian).collect(Collectors.joining(", "));
  }

  /** "at least 10 characters, at least 1 upper-case letter" (for operators' start-up messages). */
  public static String english(PasswordPolicyResult result) {
    return result.getViolatedRules().stream().map(PasswordPolicyText::english).collect(Collectors.joining(", "));
  }

  static String indonesian(PasswordPolicyRule rule) {
    String n = firstParameter(rule);
    return switch (rule.getPlaceholder()) {
      case "PASSWORD_POLICY_LENGTH" -> "paling sedikit " + n + " karakter";
      case "PASSWORD_POLICY_LOWERCASE" -> "paling sedikit " + n + " huruf kecil";
      case "PASSWORD_POLICY_UPPERCASE" -> "paling sedikit " + n + " huruf besar";
      case "PASSWORD_POLICY_DIGIT" -> "paling sedikit " + n + " angka";
      case "PASSWORD_POLICY_SPECIAL" -> "paling sedikit " + n + " karakter khusus (misalnya - ! # @)";
      case "PASSWORD_POLICY_USER_DATA" -> "tidak memuat id pengguna, nama depan, nama belakang, atau alamat email";
      default -> "aturan " + rule.getPlaceholder();
    };
  }

  static String english(PasswordPolicyRule rule) {
    String n = firstParameter(rule);
    return switch (rule.getPlaceholder()) {
      case "PASSWORD_POLICY_LENGTH" -> "at least " + n + " characters";
      case "PASSWORD_POLICY_LOWERCASE" -> "at least " + n + " lower-case letter(s)";
      case "PASSWORD_POLICY_UPPERCASE" -> "at least " + n + " upper-case letter(s)";
      case "PASSWORD_POLICY_DIGIT" -> "at least " + n + " digit(s)";
      case "PASSWORD_POLICY_SPECIAL" -> "at least " + n + " special character(s) such as - ! # @";
      case "PASSWORD_POLICY_USER_DATA" -> "must not contain the user id, first name, last name or e-mail address";
      default -> "rule " + rule.getPlaceholder();
    };
  }

  private static String firstParameter(PasswordPolicyRule rule) {
    Map<String, String> parameters = rule.getParameters();
    return parameters == null || parameters.isEmpty() ? "" : List.copyOf(parameters.values()).get(0);
  }
}
