package id.go.kerjasama.platform.security;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Installs the engine-level guard ({@link EngineSecurityInterceptor}, the
 * query expression rule) and the engine settings it relies on: no
 * expressions in ad-hoc queries, and task candidates get TASK_WORK (claim,
 * complete) instead of UPDATE (which would let them set any variable of the
 * instance through the task). Camunda's authorization manager is replaced by
 * {@link GroupProbingAuthorizationManager}: the same decisions, cheaper to make.
 */
@Component
public class EngineSecurityPlugin extends AbstractProcessEnginePlugin {

  private final ObjectProvider<ProtectedVariables> protectedVariables;
  private final ObjectProvider<MessageRights> messageRights;

  public EngineSecurityPlugin(ObjectProvider<ProtectedVariables> protectedVariables,
                              ObjectProvider<MessageRights> messageRights) {
    this.protectedVariables = protectedVariables;
    this.messageRights = messageRights;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<CommandInterceptor> interceptors = configuration.getCustomPostCommandInterceptorsTxRequired();
    if (interceptors == null) {
      interceptors = new ArrayList<>();
      configuration.setCustomPostCommandInterceptorsTxRequired(interceptors);
    }
    interceptors.add(new EngineSecurityInterceptor(protectedVariables, messageRights));
    configuration.setEnableExpressionsInAdhocQueries(false);
    configuration.setDefaultUserPermissionNameForTask(Permissions.TASK_WORK.getName());
    // the same authorization decisions, without reading the whole authorization table in every command
    List<SessionFactory> sessionFactories = configuration.getCustomSessionFactories();
    if (sessionFactories == null) {
      sessionFactories = new ArrayList<>();
      configuration.setCustomSessionFactories(sessionFactories);
    }
    sessionFactories.add(new GroupProbingAuthorizationManager.Factory());
  }

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setExpressionManager(new QueryExpressionManager(configuration.getExpressionManager()));
  }
}
