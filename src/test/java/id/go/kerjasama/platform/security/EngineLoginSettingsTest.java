package id.go.kerjasama.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.go.kerjasama.ProcessTest;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The engine's own settings behind docs/security.md: its login lock is off
 * (the application throttles instead), its password policy is on.
 */
@ProcessTest
class EngineLoginSettingsTest {

  @Autowired
  IdentityService identityService;

  @Test
  void fifteenWrongPasswordsLockNobody() {
    User user = identityService.newUser("t-lock-check");
    user.setFirstName("Coba");
    user.setLastName("Kunci");
    user.setPassword("Rahasia-Uji-42");
    identityService.saveUser(user);
    for (int i = 0; i < 15; i++) {
      assertThat(identityService.checkPassword("t-lock-check", "salah-" + i)).isFalse();
    }
    // with Camunda's defaults the account would now be locked for good (10 attempts), and for
    // a growing while after each failure; with login-delay-base 0 the right password works at once
    assertThat(identityService.checkPassword("t-lock-check", "Rahasia-Uji-42")).isTrue();
  }

  @Test
  void weakPasswordsAreRefused() {
    User user = identityService.newUser("t-weak-password");
    user.setFirstName("Uji");
    user.setLastName("Lemah");
    user.setPassword("a");
    assertThatThrownBy(() -> identityService.saveUser(user)).isInstanceOf(ProcessEngineException.class)
        .hasMessageContaining("Password does not match policy");
    assertThat(identityService.checkPasswordAgainstPolicy("Rahasia-Uji-42").isValid()).isTrue();
    // the password may not contain the user's data
    User named = identityService.newUser("t-named");
    named.setFirstName("Rahasia");
    assertThat(identityService.checkPasswordAgainstPolicy("Rahasia-Uji-42", named).isValid()).isFalse();
    assertThat(PasswordPolicyText.indonesian(identityService.checkPasswordAgainstPolicy("a")))
        .contains("paling sedikit 10 karakter").contains("huruf besar").contains("angka").contains("karakter khusus");
  }
}
