package id.go.kerjasama.platform.notification;

/** Why a mail is sent; stored with each notification. */
public enum NotificationKind {
  /** A new user task reached the recipient's group. */
  NEW_TASK,
  /** A task of the recipient's unit is due soon. */
  REMINDER,
  /** A task is overdue: its unit, the supervising province and Fasker are told. */
  ESCALATION,
  /** A region's cooperation that needs no central approval: Kemendagri and the province are informed. */
  INFORMATION
}
