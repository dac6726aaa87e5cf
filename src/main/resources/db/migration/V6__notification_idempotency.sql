-- One send per recipient and event (issue 14, docs/reliability.md).
--
-- notification.event_key names the event a notification is about (a new
-- task: NEW_TASK:<task id>); a second notification for the same event is not
-- queued. notification_recipient.idempotency_key is <event>/<user id>: one
-- row, hence one mail, per recipient and event. The sending job claims a row
-- (PENDING -> SENDING, attempts + 1) before talking to the SMTP server and
-- marks it SENT in the same transaction (NotificationMailSender).
ALTER TABLE notification ADD COLUMN event_key VARCHAR(200);
ALTER TABLE notification ADD CONSTRAINT uq_notification_event_key UNIQUE (event_key);

ALTER TABLE notification_recipient ADD COLUMN idempotency_key VARCHAR(300);
ALTER TABLE notification_recipient ADD COLUMN status VARCHAR(20) DEFAULT 'PENDING' NOT NULL;
ALTER TABLE notification_recipient ADD COLUMN attempts INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE notification_recipient ADD COLUMN last_attempt_at TIMESTAMP;

UPDATE notification_recipient
   SET idempotency_key = CONCAT('notification:', CAST(notification_id AS VARCHAR(20)), '/', user_id);
UPDATE notification_recipient
   SET status = 'SENT', attempts = 1, last_attempt_at = sent_at
 WHERE sent_at IS NOT NULL;

ALTER TABLE notification_recipient ALTER COLUMN idempotency_key SET NOT NULL;
ALTER TABLE notification_recipient ADD CONSTRAINT uq_notification_recipient_key UNIQUE (idempotency_key);
CREATE INDEX ix_notification_recipient_status ON notification_recipient (status);
