package id.go.kerjasama.platform.identity;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.identity.impl.ldap.LdapConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.BeanUtils;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Directory sign-in, on with {@code kerjasama.identity.ldap.enabled=true}
 * (the {@code ldap} profile sets it from the environment): the engine's
 * identity provider becomes {@link DirectoryIdentityProvider}, local users
 * and groups plus the directory's users. Off (the default), nothing here
 * exists and the engine keeps its own database identity.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "kerjasama.identity.ldap", name = "enabled", havingValue = "true")
class DirectoryIdentity {

  private static final Logger LOG = LoggerFactory.getLogger(DirectoryIdentity.class);

  /** Camunda's LDAP settings under {@code kerjasama.identity.ldap} ({@code server-url}, {@code manager-dn}, ...). */
  @Bean
  @ConfigurationProperties(prefix = "kerjasama.identity.ldap")
  LdapConfiguration directoryConfiguration() {
    return new LdapConfiguration();
  }

  @Bean
  DirectoryIdentityPlugin directoryIdentityPlugin(LdapConfiguration directoryConfiguration,
                                                  DirectoryProperties properties, IdentityProperties identity,
                                                  Organisations organisations) {
    if (directoryConfiguration.getServerUrl() == null || directoryConfiguration.getServerUrl().isBlank()) {
      throw new IllegalStateException("kerjasama.identity.ldap.enabled is true but kerjasama.identity.ldap.server-url "
          + "(KERJASAMA_LDAP_URL) is empty");
    }
    LdapConfiguration internal = new LdapConfiguration();
    BeanUtils.copyProperties(directoryConfiguration, internal);
    internal.setAuthorizationCheckEnabled(false);
    DirectoryGroups groups = new DirectoryGroups(properties.groupMapping(), organisations);
    LOG.info("Directory sign-in on: {} (users under '{}', groups under '{}'), {} explicit group mappings",
        directoryConfiguration.getServerUrl(), directoryConfiguration.getUserSearchBase(),
        directoryConfiguration.getGroupSearchBase(), properties.groupMapping().size());
    return new DirectoryIdentityPlugin(new DirectoryIdentityProvider.Factory(directoryConfiguration, internal, groups,
        java.util.Set.of(identity.admin().userId())));
  }

  /** Puts the directory-aware identity provider into the engine. */
  static class DirectoryIdentityPlugin extends AbstractProcessEnginePlugin {

    private final DirectoryIdentityProvider.Factory factory;

    DirectoryIdentityPlugin(DirectoryIdentityProvider.Factory factory) {
      this.factory = factory;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
      configuration.setIdentityProviderSessionFactory(factory);
    }
  }
}
