package id.go.kerjasama.platform.security;

import java.util.Set;

/**
 * Process variables that no user may ever set, whatever form, REST call or
 * message carries them: identity and routing facts (the agreement's id, its
 * registration number, proposer, provinces, term, cycle year, outcomes).
 * Each module that owns such variables contributes a bean; the engine guard
 * refuses a user's command that names one (administrators excepted).
 */
public interface ProtectedVariables {

  Set<String> names();
}
