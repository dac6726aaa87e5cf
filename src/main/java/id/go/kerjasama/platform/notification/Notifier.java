package id.go.kerjasama.platform.notification;

import id.go.kerjasama.platform.identity.PeopleNames;
import id.go.kerjasama.platform.notification.NotificationRepository.Addressee;
import id.go.kerjasama.platform.security.SystemAccess;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.variable.Variables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Queues e-mail notifications: resolves the recipients (members of the given
 * groups and the given users who have an e-mail address and have not
 * switched notifications, or this kind of notification, off), writes the notification to the outbox in the
 * caller's transaction, and starts one {@code mail-notification} instance per
 * recipient whose asynchronous job sends it. An event ({@link Message#eventKey()})
 * is queued once. Nothing here talks to the SMTP server, so
 * an outage never fails the task or report that caused the mail.
 */
@Service
@Transactional
public class Notifier {

  private static final Logger LOG = LoggerFactory.getLogger(Notifier.class);

  private final NotificationRepository repository;
  private final NotificationProperties properties;
  private final IdentityService identityService;
  private final RuntimeService runtimeService;

  public Notifier(NotificationRepository repository, NotificationProperties properties,
                  @Lazy IdentityService identityService, @Lazy RuntimeService runtimeService) {
    this.repository = repository;
    this.properties = properties;
    this.identityService = identityService;
    this.runtimeService = runtimeService;
  }

  public NotificationProperties properties() {
    return properties;
  }

  /**
   * Queues the message for the members of {@code groups} and for {@code users}.
   *
   * @return the notification's id, or empty if mail is off or nobody is to receive it
   */
  public Optional<Long> send(Message message, Collection<String> groups, Collection<String> users) {
    if (!properties.isEnabled()) {
      return Optional.empty();
    }
    if (message.eventKey() != null) {
      Optional<Long> queued = repository.findByEventKey(message.eventKey());
      if (queued.isPresent()) {
        LOG.info("Event {} already has notification {}; not queued again", message.eventKey(), queued.get());
        return queued;
      }
    }
    return SystemAccess.call(identityService, () -> {
      List<Addressee> recipients = resolve(groups, users, message.kind());
      if (recipients.isEmpty()) {
        LOG.debug("Notification '{}' has no recipient with an e-mail address (groups {}, users {})",
            message.subject(), groups, users);
        return Optional.empty();
      }
      long id = repository.insert(message, recipients);
      startSending(id, message.registrationNumber(), repository.pendingRecipientIds(id));
      return Optional.of(id);
    });
  }

  /**
   * One {@code mail-notification} instance per recipient: its job sends one mail and marks it sent in
   * one transaction, so a failure for one recipient never undoes (and later repeats) another's mail.
   */
  void startSending(long notificationId, String registrationNumber, List<Long> recipientIds) {
    for (Long recipientId : recipientIds) {
      Map<String, Object> variables = Variables.createVariables()
          .putValue(MailNotificationProcess.NOTIFICATION_ID, notificationId)
          .putValue(MailNotificationProcess.RECIPIENT_ID, recipientId)
          .putValue(MailNotificationProcess.REGISTRATION_NUMBER, registrationNumber);
      runtimeService.startProcessInstanceByKey(MailNotificationProcess.PROCESS_KEY, variables);
    }
  }

  private List<Addressee> resolve(Collection<String> groups, Collection<String> users, NotificationKind kind) {
    Map<String, User> found = new LinkedHashMap<>();
    for (String group : groups) {
      if (group != null) {
        identityService.createUserQuery().memberOfGroup(group).orderByUserId().asc().list()
            .forEach(u -> found.putIfAbsent(u.getId(), u));
      }
    }
    for (String userId : users) {
      if (userId != null && !found.containsKey(userId)) {
        User user = identityService.createUserQuery().userId(userId).singleResult();
        if (user != null) {
          found.put(userId, user);
        }
      }
    }
    return found.values().stream()
        .filter(u -> u.getEmail() != null && !u.getEmail().isBlank())
        .filter(u -> repository.isEnabled(u.getId(), kind))
        .map(u -> new Addressee(u.getId(), PeopleNames.displayName(u), u.getEmail().strip()))
        .toList();
  }
}
