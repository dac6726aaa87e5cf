package id.go.kerjasama.platform.notification;

/**
 * Names of {@code processes/mail-notification.bpmn}: one small instance per
 * recipient of a queued notification, whose asynchronous service task sends
 * the mail with retries; after the last retry an incident shows in Cockpit,
 * and "retry" there sends it if it is still unsent. (Instances started before
 * version 6 of the schema carry no recipient: their job queues one instance
 * per recipient not yet served.)
 */
final class MailNotificationProcess {

  public static final String PROCESS_KEY = "mail-notification";
  /** The {@code notification} row to send (Long). */
  public static final String NOTIFICATION_ID = "notificationId";
  /** The {@code notification_recipient} row to send (Long). */
  public static final String RECIPIENT_ID = "recipientId";
  /** The agreement the mail is about, if any: lets administrators find the instance in Cockpit. */
  public static final String REGISTRATION_NUMBER = NotifiedVariables.REGISTRATION_NUMBER;

  public static final String TASK_SEND_MAIL = "ServiceTask_SendMail";

  private MailNotificationProcess() {
  }
}
