package id.go.kerjasama.platform.identity;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Which of the application's groups a directory group stands for: the
 * explicit {@code kerjasama.identity.ldap.group-mapping}, otherwise the
 * organisation group of the same id ({@code province-92}). Directory groups
 * that map to nothing give no rights. The administrators' group is reached
 * only through an explicit entry: a directory group that merely happens to be
 * called {@code camunda-admin} makes nobody an administrator.
 */
final class DirectoryGroups {

  private final Map<String, String> explicit;
  private final Organisations organisations;

  DirectoryGroups(Map<String, String> explicit, Organisations organisations) {
    this.organisations = organisations;
    explicit.forEach((directoryGroup, group) -> {
      if (organisations.find(group).isEmpty() && !Groups.ADMIN.equals(group)) {
        throw new IllegalStateException("kerjasama.identity.ldap.group-mapping maps directory group '"
            + directoryGroup + "' to '" + group + "', which is no group of " + Organisations.RESOURCE
            + " (nor " + Groups.ADMIN + ")");
      }
    });
    this.explicit = Map.copyOf(explicit);
  }

  /** The application's groups that the given directory groups stand for. */
  Set<String> groupsOf(Collection<String> directoryGroups) {
    Set<String> groups = new LinkedHashSet<>();
    for (String directoryGroup : directoryGroups) {
      String mapped = explicit.get(directoryGroup);
      if (mapped != null) {
        groups.add(mapped);
      } else if (organisations.find(directoryGroup).isPresent()) {
        groups.add(directoryGroup);
      }
    }
    return groups;
  }

  /** The directory groups whose members belong to the application's {@code group}. */
  Set<String> directoryGroupsOf(String group) {
    Set<String> directoryGroups = new LinkedHashSet<>();
    explicit.forEach((directoryGroup, mapped) -> {
      if (mapped.equals(group)) {
        directoryGroups.add(directoryGroup);
      }
    });
    if (organisations.find(group).isPresent() && !explicit.containsKey(group)) {
      directoryGroups.add(group);
    }
    return directoryGroups;
  }
}
