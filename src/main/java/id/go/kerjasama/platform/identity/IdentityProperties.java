package id.go.kerjasama.platform.identity;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param admin the first administrator (password from KERJASAMA_ADMIN_PASSWORD)
 * @param demo  the demo users (demo profile only): their password, and the
 *              regency/city groups that get one (every other group does)
 */
@ConfigurationProperties(prefix = "kerjasama")
public record IdentityProperties(Admin admin, Demo demo) {

  public record Admin(String userId, String password) {
  }

  public record Demo(String password, List<String> regencies) {

    public Demo {
      regencies = regencies == null ? List.of() : List.copyOf(regencies);
    }
  }

  public IdentityProperties {
    admin = admin == null ? new Admin("admin", "") : admin;
    demo = demo == null ? new Demo("", null) : demo;
  }
}
