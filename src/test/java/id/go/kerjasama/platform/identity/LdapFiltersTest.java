package id.go.kerjasama.platform.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.unboundid.ldap.sdk.Filter;
import javax.naming.CompositeName;
import org.junit.jupiter.api.Test;

/**
 * RFC 4515 escaping of the values put into directory filters, read back with
 * UnboundID's filter parser: an attack value stays one equality assertion on
 * one attribute, holding exactly the characters sent.
 */
class LdapFiltersTest {

  @Test
  void aValueIsOneAssertionValueWhateverItHolds() throws Exception {
    for (String attack : new String[] {"*", "*)(uid=*", "admin)(|(objectClass=*", "rina)(userPassword=S*",
        "x\\29", "nul\0byte", "Biro Hukum (Kemensos)"}) {
      Filter filter = Filter.create(LdapFilters.equal("uid", attack));
      assertThat(filter.getFilterType()).as(attack).isEqualTo(Filter.FILTER_TYPE_EQUALITY);
      assertThat(filter.getAttributeName()).isEqualTo("uid");
      assertThat(filter.getAssertionValue()).as(attack).isEqualTo(attack);
    }
    assertThat(LdapFilters.value("a*b(c)d\\e\0")).isEqualTo("a\\2ab\\28c\\29d\\5ce\\00");
    assertThat(LdapFilters.value("Ratna Sari Dewi, S.H.")).isEqualTo("Ratna Sari Dewi, S.H.");
  }

  @Test
  void onlyThePercentOfALikePatternIsAWildcard() throws Exception {
    Filter filter = Filter.create(LdapFilters.like("cn", "Ri%a*(%"));
    assertThat(filter.getFilterType()).isEqualTo(Filter.FILTER_TYPE_SUBSTRING);
    assertThat(filter.getSubInitialString()).isEqualTo("Ri");
    assertThat(filter.getSubAnyStrings()).containsExactly("a*(");
    assertThat(filter.getSubFinalString()).isNull();
    assertThat(filter.matchesEntry(new com.unboundid.ldap.sdk.Entry("cn=x", new com.unboundid.ldap.sdk.Attribute(
        "cn", "Rina*(x")))).isTrue();
    assertThat(filter.matchesEntry(new com.unboundid.ldap.sdk.Entry("cn=x", new com.unboundid.ldap.sdk.Attribute(
        "cn", "Rinax")))).isFalse();
    // "%%" is one wildcard ("**" is no valid filter); "%" alone matches any value
    assertThat(LdapFilters.pattern("%%rina%%")).isEqualTo("*rina*");
    assertThat(Filter.create(LdapFilters.like("cn", "%")).getFilterType()).isEqualTo(Filter.FILTER_TYPE_PRESENCE);
    // a star typed by the caller is no wildcard
    assertThat(Filter.create(LdapFilters.like("cn", "*")).getFilterType()).isEqualTo(Filter.FILTER_TYPE_EQUALITY);
  }

  @Test
  void aDirectoryDnIsOneJndiNameWhateverItHolds() throws Exception {
    for (String dn : new String[] {"cn=Siti Aminah\\, S.H./Biro Hukum,ou=people,dc=kerjasama,dc=test",
        "cn=TU\\\\Umum,ou=groups,dc=test", "cn=\"quoted\",dc=test", "ou=people,dc=kerjasama,dc=test"}) {
      CompositeName name = new CompositeName(LdapFilters.searchBase(dn));
      assertThat(name.size()).as(dn).isEqualTo(1);
      assertThat(name.get(0)).isEqualTo(dn);
    }
    assertThat(LdapFilters.searchBase("ou=people,dc=kerjasama,dc=test")).isEqualTo("ou=people,dc=kerjasama,dc=test");
    assertThat(LdapFilters.searchBase("")).isEmpty();
  }
}
