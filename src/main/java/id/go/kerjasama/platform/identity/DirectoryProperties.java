package id.go.kerjasama.platform.identity;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Directory sign-in (docs/operations.md "Directory sign-in (LDAP)"). The
 * connection and search settings under the same prefix are Camunda's LDAP
 * plugin settings ({@code server-url}, {@code manager-dn}, {@code base-dn},
 * {@code user-search-base}, ...), bound in {@link DirectoryIdentity}.
 *
 * @param enabled      {@code true}: users not defined locally sign in against the directory
 * @param groupMapping directory group id (the value of {@code group-id-attribute}) to the
 *                     application's group id, e.g. {@code bappeda-papua-barat: province-92};
 *                     a directory group whose id already is an organisation's group id
 *                     ({@code province-92}) needs no entry
 */
@ConfigurationProperties(prefix = "kerjasama.identity.ldap")
public record DirectoryProperties(boolean enabled, Map<String, String> groupMapping) {

  public DirectoryProperties {
    groupMapping = groupMapping == null ? Map.of() : Map.copyOf(groupMapping);
  }
}
