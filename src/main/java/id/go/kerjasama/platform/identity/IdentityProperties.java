package id.go.kerjasama.platform.identity;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param admin the first administrator (password from KERJASAMA_ADMIN_PASSWORD)
 * @param demo  the demo users (demo profile only)
 */
@ConfigurationProperties(prefix = "kerjasama")
public record IdentityProperties(Admin admin, Demo demo) {

  public record Admin(String userId, String password) {
  }

  public record Demo(String password) {
  }

  public IdentityProperties {
    admin = admin == null ? new Admin("admin", "") : admin;
    demo = demo == null ? new Demo("") : demo;
  }
}
