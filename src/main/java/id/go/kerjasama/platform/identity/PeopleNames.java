package id.go.kerjasama.platform.identity;

import id.go.kerjasama.platform.security.SystemAccess;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;

/**
 * The names people read instead of user ids: first and last name, or the id when the directory has neither.
 * One rule for the mails' salutation, the agreement's and the NGO's timelines and Cockpit's history.
 */
public final class PeopleNames {

  private PeopleNames() {
  }

  /** A user's name as shown: "first last", or the user id when both are empty. */
  public static String displayName(User user) {
    String name = ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
        + (user.getLastName() == null ? "" : user.getLastName())).strip();
    return name.isEmpty() ? user.getId() : name;
  }

  /**
   * The names of the given users by id, read with system rights (the reader may see a record without being
   * allowed to read every actor's profile); a user the directory no longer knows is left out (the id is shown).
   */
  public static Map<String, String> of(IdentityService identityService, Collection<String> userIds) {
    Map<String, String> people = new LinkedHashMap<>();
    String[] ids = userIds.stream().filter(Objects::nonNull).distinct().toArray(String[]::new);
    if (ids.length > 0) {
      SystemAccess.call(identityService, () -> identityService.createUserQuery().userIdIn(ids).list())
          .forEach(u -> people.put(u.getId(), displayName(u)));
    }
    return people;
  }
}
