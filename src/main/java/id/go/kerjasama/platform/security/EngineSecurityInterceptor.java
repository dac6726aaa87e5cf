package id.go.kerjasama.platform.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import id.go.kerjasama.platform.identity.Groups;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.AbstractQuery;
import org.camunda.bpm.engine.impl.MessageCorrelationBuilderImpl;
import org.camunda.bpm.engine.impl.ProcessInstantiationBuilderImpl;
import org.camunda.bpm.engine.impl.QueryOrderingProperty;
import org.camunda.bpm.engine.impl.UserQueryImpl;
import org.camunda.bpm.engine.impl.UserQueryProperty;
import org.camunda.bpm.engine.impl.cmd.AbstractCorrelateMessageCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractExecuteFilterCmd;
import org.camunda.bpm.engine.impl.cfg.TransactionState;
import org.camunda.bpm.engine.impl.cmd.CheckPassword;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SaveFilterCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitStartFormCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.FilterEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.camunda.bpm.engine.query.Query;
import org.springframework.beans.factory.ObjectProvider;

/**
 * The engine-level guard every command passes, whichever way it came (engine
 * REST, the webapps' engine API, the application's own code): it sits inside
 * the command context, so REST, Tasklist, Cockpit and Java calls all meet it.
 *
 * <ul>
 *   <li>Task queries and filters may carry only the Tasklist helper
 *       expressions ({@link QueryExpressions}), for everyone; while a query
 *       runs, the expression manager refuses anything else as well.</li>
 *   <li>A user (not an administrator) who completes a task or starts a
 *       process may send only the variables its Camunda Form declares, and
 *       never a protected identity or routing variable.</li>
 *   <li>A user correlates a message only where a {@link MessageRights} bean
 *       permits it (then without needing UPDATE on the instance).</li>
 *   <li>Instance repair (modification, variables, suspension, deletion, job
 *       retries, migration, restart, signals…) is for administrators only,
 *       in addition to the authorizations.</li>
 *   <li>Testing another user's password ({@code identity/verify}) is for
 *       administrators only; e-mail addresses of other users are shown to
 *       administrators only.</li>
 * </ul>
 *
 * Only the outermost command of a call is checked for the user rules:
 * commands the engine or a delegate runs inside it are the application's own.
 */
final class EngineSecurityInterceptor extends CommandInterceptor {

  /** Commands that repair or bend a running instance: administrators only. */
  private static final Set<String> ADMIN_ONLY = Set.of(
      "ModifyProcessInstanceCmd", "ModifyProcessInstanceAsyncCmd", "ProcessInstanceModificationCmd",
      "ProcessInstanceModificationBatchCmd", "StartProcessInstanceAtActivitiesCmd", "RestartProcessInstancesCmd",
      "MigrateProcessInstanceCmd", "MigrateProcessInstanceBatchCmd",
      "SetExecutionVariablesCmd", "PatchExecutionVariablesCmd", "RemoveExecutionVariablesCmd",
      "SetTaskVariablesCmd", "PatchTaskVariablesCmd", "RemoveTaskVariablesCmd",
      "SetVariablesToProcessInstancesBatchCmd",
      "SuspendProcessInstanceCmd", "ActivateProcessInstanceCmd", "UpdateProcessInstancesSuspendStateCmd",
      "UpdateProcessInstancesSuspendStateBatchCmd", "SuspendProcessDefinitionCmd", "ActivateProcessDefinitionCmd",
      "DeleteProcessInstanceCmd", "DeleteProcessInstancesCmd", "DeleteProcessInstanceBatchCmd",
      "SetJobRetriesCmd", "SetJobsRetriesCmd", "SetJobsRetriesBatchCmd", "SetJobDuedateCmd",
      "RecalculateJobDuedateCmd", "SetJobPriorityCmd", "SetJobDefinitionPriorityCmd", "SuspendJobCmd",
      "ActivateJobCmd", "SuspendJobDefinitionCmd", "ActivateJobDefinitionCmd", "DeleteJobCmd",
      "SignalCmd", "MessageEventReceivedCmd", "SignalEventReceivedCmd", "EvaluateStartConditionCmd",
      "ResolveTaskCmd", "CreateIncidentCmd", "ResolveIncidentCmd",
      "CompleteExternalTaskCmd", "HandleExternalTaskFailureCmd", "HandleExternalTaskBpmnErrorCmd",
      "SetExternalTaskRetriesCmd", "SetExternalTasksRetriesCmd", "SetExternalTasksRetriesBatchCmd",
      "CorrelateAllMessageBatchCmd", "DeleteHistoricProcessInstancesCmd", "DeleteHistoricTaskInstanceCmd",
      "DeleteHistoricVariableInstanceCmd", "DeleteHistoricVariableInstancesByProcessInstanceIdCmd");

  /**
   * Commands that change who someone is, what password they have or which groups and tenants they belong to:
   * the remembered REST credentials ({@link VerifiedCredentials}) are forgotten before and after each.
   */
  private static final Set<String> IDENTITY_CHANGES = Set.of(
      "SaveUserCmd", "DeleteUserCmd", "UnlockUserCmd", "SaveGroupCmd", "DeleteGroupCmd", "CreateMembershipCmd",
      "DeleteMembershipCmd", "SaveTenantCmd", "DeleteTenantCmd", "CreateTenantUserMembershipCmd",
      "CreateTenantGroupMembershipCmd", "DeleteTenantUserMembershipCmd", "DeleteTenantGroupMembershipCmd");

  private static final ThreadLocal<Integer> DEPTH = ThreadLocal.withInitial(() -> 0);

  private final ObjectProvider<ProtectedVariables> protectedVariables;
  private final ObjectProvider<MessageRights> messageRights;
  /** The deployed forms' declared variables, read once per deployed form (one engine, one cache). */
  private final DeclaredFormFields declaredForms = new DeclaredFormFields(new ObjectMapper());

  EngineSecurityInterceptor(ObjectProvider<ProtectedVariables> protectedVariables,
                            ObjectProvider<MessageRights> messageRights) {
    this.protectedVariables = protectedVariables;
    this.messageRights = messageRights;
  }

  @Override
  public <T> T execute(Command<T> command) {
    int depth = DEPTH.get();
    DEPTH.set(depth + 1);
    try {
      CommandContext context = Context.getCommandContext();
      checkExpressions(command, context);
      boolean user = depth == 0 && context != null && isUser(context);
      if (user) {
        checkUserCommand(command, context);
      }
      boolean identityChange = IDENTITY_CHANGES.contains(command.getClass().getSimpleName());
      if (identityChange) {
        forgetVerifiedCredentials(context);
      }
      T result;
      if (user && command instanceof AbstractCorrelateMessageCmd correlation) {
        result = correlate(command, correlation, context);
      } else if (command instanceof AbstractQuery<?, ?> || command instanceof AbstractExecuteFilterCmd) {
        result = QueryExpressionManager.whileQuerying(() -> next.execute(command));
      } else {
        result = next.execute(command);
      }
      if (identityChange || (command instanceof CheckPassword && Boolean.FALSE.equals(result))) {
        // a wrong password may have locked the account (the engine's login attempts): nobody is let in from memory
        forgetVerifiedCredentials(context);
      }
      return user && command instanceof UserQueryImpl ? withoutOthersEmail(result, context) : result;
    } finally {
      if (depth == 0) {
        DEPTH.remove();
      } else {
        DEPTH.set(depth);
      }
    }
  }

  /** Forgets now and, as the change becomes visible to others, once more when its transaction commits. */
  private static void forgetVerifiedCredentials(CommandContext context) {
    VerifiedCredentials.shared().forgetAll();
    if (context != null && context.getTransactionContext() != null) {
      context.getTransactionContext().addTransactionListener(TransactionState.COMMITTED,
          committed -> VerifiedCredentials.shared().forgetAll());
    }
  }

  // ---- expressions (everyone) ----

  private void checkExpressions(Command<?> command, CommandContext context) {
    if (command instanceof AbstractQuery<?, ?> query) {
      QueryExpressions.check(query);
    } else if (command instanceof SaveFilterCmd) {
      Filter filter = (Filter) read(command, "filter");
      QueryExpressions.check(filter == null ? null : filter.getQuery());
    } else if (command instanceof AbstractExecuteFilterCmd && context != null) {
      QueryExpressions.check((Query<?, ?>) read(command, "extendingQuery"));
      String filterId = (String) read(command, "filterId");
      // read once per command: the entity lands in the command context's entity cache, where the engine's own
      // FilterManager.findFilterById (AbstractExecuteFilterCmd.getFilter) finds it right after, with its
      // authorization check; reading through the FilterManager here too ran that check and its query twice
      FilterEntity stored = filterId == null ? null
          : context.getDbEntityManager().selectById(FilterEntity.class, filterId);
      if (stored != null) {
        QueryExpressions.check(stored.getQuery());
      }
    }
  }

  // ---- users ----

  private static boolean isUser(CommandContext context) {
    String userId = context.getAuthenticatedUserId();
    if (userId == null) {
      return false;
    }
    List<String> groups = context.getAuthenticatedGroupIds();
    List<String> adminGroups = context.getProcessEngineConfiguration().getAdminGroups();
    List<String> adminUsers = context.getProcessEngineConfiguration().getAdminUsers();
    boolean admin = (groups != null && (groups.contains(Groups.ADMIN)
        || (adminGroups != null && groups.stream().anyMatch(adminGroups::contains))))
        || (adminUsers != null && adminUsers.contains(userId));
    return !admin;
  }

  /**
   * The id of the task a command completes, if the task is still open: completed a moment ago (another tab,
   * another node) it is a clear 404, not the engine's NullPointerException on reading its form.
   */
  private static String openTask(Command<?> command, CommandContext context) {
    String taskId = (String) read(command, "taskId");
    if (taskId != null && context.getTaskManager().findTaskById(taskId) == null) {
      throw new id.go.kerjasama.platform.web.TaskNoLongerOpenException();
    }
    return taskId;
  }

  private void checkUserCommand(Command<?> command, CommandContext context) {
    String name = command.getClass().getSimpleName();
    if (ADMIN_ONLY.contains(name)) {
      throw new AuthorizationException("Hanya administrator yang boleh melakukan tindakan ini ("
          + name.replace("Cmd", "") + ").");
    }
    if (command instanceof CompleteTaskCmd) {
      checkForm(read(command, "variables"), declaredForms.ofTask(context, openTask(command, context)), "tugas");
    } else if (command instanceof SubmitTaskFormCmd) {
      checkForm(read(command, "properties"), declaredForms.ofTask(context, openTask(command, context)), "tugas");
    } else if (command instanceof SubmitStartFormCmd) {
      checkForm(read(command, "variables"),
          declaredForms.ofStartForm(context, (String) read(command, "processDefinitionId")), "pengajuan");
    } else if (command instanceof StartProcessInstanceCmd) {
      ProcessInstantiationBuilderImpl builder = (ProcessInstantiationBuilderImpl) read(command, "instantiationBuilder");
      if (builder.getModificationBuilder() != null
          && !builder.getModificationBuilder().getModificationOperations().isEmpty()) {
        throw new AuthorizationException("Hanya administrator yang boleh memulai proses pada langkah tertentu.");
      }
      checkForm(builder.getVariables(), declaredForms.ofStartForm(context, processDefinitionId(builder, context)),
          "pengajuan");
    } else if (command instanceof CheckPassword) {
      Object checked = read(command, "userId");
      if (checked != null && !checked.equals(context.getAuthenticatedUserId())) {
        throw new AuthorizationException("Hanya administrator yang boleh memeriksa kata sandi pengguna lain.");
      }
    } else if (command instanceof UserQueryImpl query) {
      boolean byEmail = query.getEmail() != null || query.getEmailLike() != null
          || query.getOrderingProperties().stream().map(QueryOrderingProperty::getQueryProperty)
              .anyMatch(UserQueryProperty.EMAIL::equals);
      if (byEmail) {
        throw new AuthorizationException("Hanya administrator yang boleh mencari atau mengurutkan pengguna menurut "
            + "alamat e-mail.");
      }
    }
  }

  /** A user's form values: supported kinds of value, only declared fields, each of its field's kind. */
  private void checkForm(Object variables, java.util.Map<String, String> declared, String what) {
    SubmittedValues.check(variables);
    checkSubmitted(variableNames(variables), declared.keySet(), what);
    SubmittedValues.checkKinds(variables, declared);
  }

  private void checkSubmitted(Set<String> submitted, Set<String> declared, String what) {
    Set<String> forbidden = new TreeSet<>(submitted);
    forbidden.retainAll(protectedNames());
    if (!forbidden.isEmpty()) {
      throw new AuthorizationException("Data berikut diisi oleh sistem dan tidak boleh dikirim pengguna: "
          + String.join(", ", forbidden) + ".");
    }
    Set<String> undeclared = new TreeSet<>(submitted);
    undeclared.removeAll(declared);
    if (!undeclared.isEmpty()) {
      throw new BadUserRequestException("Isian berikut tidak ada di formulir " + what + " ini dan tidak boleh "
          + "dikirim: " + String.join(", ", undeclared) + ".");
    }
  }

  private Set<String> protectedNames() {
    Set<String> names = new LinkedHashSet<>();
    protectedVariables.orderedStream().forEach(p -> names.addAll(p.names()));
    return names;
  }

  private <T> T correlate(Command<T> command, AbstractCorrelateMessageCmd correlation, CommandContext context) {
    MessageCorrelationBuilderImpl builder = (MessageCorrelationBuilderImpl) read(correlation, "builder");
    String businessKey = builder.getBusinessKey();
    if (businessKey == null && builder.getProcessInstanceId() != null) {
      ExecutionEntity instance = context.getExecutionManager().findExecutionById(builder.getProcessInstanceId());
      businessKey = instance == null ? null : instance.getBusinessKey();
    }
    String key = businessKey;
    Optional<Set<String>> payload = key == null ? Optional.empty() : messageRights.orderedStream()
        .map(r -> r.permittedPayload(builder.getMessageName(), key, context.getAuthenticatedUserId(),
            context.getAuthenticatedGroupIds()))
        .flatMap(Optional::stream).findFirst();
    if (payload.isEmpty()) {
      throw new AuthorizationException("Anda tidak berhak mengirim pesan '" + builder.getMessageName()
          + "' ke kerja sama ini.");
    }
    Set<String> sent = new LinkedHashSet<>(variableNames(builder.getPayloadProcessInstanceVariables()));
    sent.addAll(variableNames(builder.getPayloadProcessInstanceVariablesLocal()));
    sent.addAll(variableNames(builder.getPayloadProcessInstanceVariablesToTriggeredScope()));
    SubmittedValues.check(builder.getPayloadProcessInstanceVariables());
    SubmittedValues.check(builder.getPayloadProcessInstanceVariablesLocal());
    SubmittedValues.check(builder.getPayloadProcessInstanceVariablesToTriggeredScope());
    checkSubmitted(sent, payload.get(), "pesan");
    // the rule replaces UPDATE on the instance, which users do not hold
    boolean checking = context.isAuthorizationCheckEnabled();
    context.disableAuthorizationCheck();
    try {
      return next.execute(command);
    } finally {
      context.setAuthorizationCheckEnabled(checking);
    }
  }

  @SuppressWarnings("unchecked")
  private static <T> T withoutOthersEmail(T result, CommandContext context) {
    String self = context.getAuthenticatedUserId();
    if (result instanceof User user) {
      return (T) withoutEmail(user, self);
    }
    if (result instanceof Collection<?> users) {
      List<Object> copies = new ArrayList<>(users.size());
      for (Object o : users) {
        copies.add(o instanceof User u ? withoutEmail(u, self) : o);
      }
      return (T) copies;
    }
    return result;
  }

  /** A detached copy (never the cached entity, which the engine would flush) without the e-mail address. */
  private static User withoutEmail(User user, String self) {
    if (user.getId().equals(self) || user.getEmail() == null) {
      return user;
    }
    UserEntity copy = new UserEntity(user.getId());
    copy.setFirstName(user.getFirstName());
    copy.setLastName(user.getLastName());
    return copy;
  }

  private static String processDefinitionId(ProcessInstantiationBuilderImpl builder, CommandContext context) {
    if (builder.getProcessDefinitionId() != null) {
      return builder.getProcessDefinitionId();
    }
    ProcessDefinitionEntity definition = context.getProcessEngineConfiguration().getDeploymentCache()
        .findDeployedLatestProcessDefinitionByKey(builder.getProcessDefinitionKey());
    return definition.getId();
  }

  private static Set<String> variableNames(Object variables) {
    return variables instanceof Map<?, ?> map ? map.keySet().stream().map(String::valueOf)
        .collect(java.util.stream.Collectors.toCollection(LinkedHashSet::new)) : Set.of();
  }

  /** A field of an engine command; fails closed (refuses the command) if the engine changed its shape. */
  private static Object read(Object target, String name) {
    for (Class<?> type = target.getClass(); type != null; type = type.getSuperclass()) {
      try {
        Field field = type.getDeclaredField(name);
        field.setAccessible(true);
        return field.get(target);
      } catch (NoSuchFieldException e) {
        // look in the superclass
      } catch (IllegalAccessException e) {
        break;
      }
    }
    throw new IllegalStateException("Engine command " + target.getClass().getName() + " has no field '" + name
        + "': the security guard cannot check it, so it is refused");
  }
}
