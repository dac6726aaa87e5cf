package id.go.kerjasama.platform.security;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Which messages a user may correlate, given that nobody but an
 * administrator holds UPDATE on process instances (UPDATE would also allow
 * modifying, suspending or changing the variables of the instance). A module
 * that models a message users may send (e.g. a termination) contributes a
 * bean; a user's correlation that no bean permits is refused.
 */
public interface MessageRights {

  /**
   * The payload variables {@code userId} (member of {@code groupIds}) may send
   * with message {@code messageName} to the process instance(s) with business
   * key {@code businessKey}; empty if this rule does not permit the correlation.
   */
  Optional<Set<String>> permittedPayload(String messageName, String businessKey, String userId, List<String> groupIds);
}
