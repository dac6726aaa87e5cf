package id.go.kerjasama.platform.identity;

import javax.naming.CompositeName;
import javax.naming.InvalidNameException;

/**
 * Values from a sign-in or a user query put safely into LDAP requests.
 *
 * <ul>
 *   <li>Filter values (RFC 4515, section 3): {@code *}, {@code (}, {@code )},
 *       {@code \} and NUL become {@code \2a}, {@code \28}, {@code \29},
 *       {@code \5c}, {@code \00}, so a value is always one assertion value and
 *       never a wildcard or a filter of its own ({@code admin)(|(objectClass=*}
 *       matches only an entry whose attribute is literally that).</li>
 *   <li>Patterns of the engine's {@code ...Like} queries: the same, except that
 *       the database wildcard {@code %} becomes the LDAP wildcard {@code *}; a
 *       {@code *} typed by the caller stays a literal star.</li>
 *   <li>Search bases: a DN taken from the directory (a group's DN, a member's
 *       DN) is already a DN string with its values escaped (RFC 4514); JNDI
 *       reads a string name as a composite name, in which {@code /},
 *       {@code \} and quotes have a meaning of their own, so the DN is passed
 *       as one composite component ({@code cn=TU/Umum,...} stays one DN).</li>
 * </ul>
 *
 * No DN is ever built from a value a caller sends: users are found by a
 * filter search under the configured bases and bound with the DN the
 * directory returned.
 */
final class LdapFilters {

  private LdapFilters() {
  }

  /** {@code (attribute=value)} matching the value exactly. */
  static String equal(String attribute, String value) {
    return "(" + attribute + "=" + value(value) + ")";
  }

  /** {@code (attribute=pattern)} with {@code %} as the only wildcard. */
  static String like(String attribute, String pattern) {
    return "(" + attribute + "=" + pattern(pattern) + ")";
  }

  /** The value escaped as an RFC 4515 assertion value. */
  static String value(String value) {
    StringBuilder escaped = new StringBuilder(value.length() + 8);
    for (int i = 0; i < value.length(); i++) {
      appendEscaped(escaped, value.charAt(i));
    }
    return escaped.toString();
  }

  /** A database LIKE pattern as an LDAP substring assertion: {@code %} a wildcard, everything else literal. */
  static String pattern(String pattern) {
    StringBuilder escaped = new StringBuilder(pattern.length() + 8);
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      if (c == '%') {
        // "%%" would give "**", which is no valid filter: one wildcard is the same match
        if (escaped.length() == 0 || escaped.charAt(escaped.length() - 1) != '*') {
          escaped.append('*');
        }
      } else {
        appendEscaped(escaped, c);
      }
    }
    return escaped.toString();
  }

  private static void appendEscaped(StringBuilder escaped, char c) {
    switch (c) {
      case '*' -> escaped.append("\\2a");
      case '(' -> escaped.append("\\28");
      case ')' -> escaped.append("\\29");
      case '\\' -> escaped.append("\\5c");
      case '\0' -> escaped.append("\\00");
      default -> escaped.append(c);
    }
  }

  /** The DN as a JNDI name of one component, for a search base. */
  static String searchBase(String dn) {
    if (dn == null || dn.isEmpty()) {
      return dn;
    }
    try {
      return new CompositeName().add(dn).toString();
    } catch (InvalidNameException e) {
      throw new IllegalArgumentException("not a usable search base: " + dn, e);
    }
  }
}
