-- Issue 13: the e-mail preferences page lets each user switch every kind of
-- notification (new task, reminder, escalation, information) on or off, on
-- top of the switch for all e-mail in notification_preference.
-- No row = the kind is on. Plain SQL valid on H2 and PostgreSQL.
CREATE TABLE notification_kind_preference (
    user_id     VARCHAR(64)  NOT NULL,
    kind        VARCHAR(32)  NOT NULL,
    enabled     BOOLEAN      NOT NULL,
    updated_at  TIMESTAMP    NOT NULL,
    PRIMARY KEY (user_id, kind)
);
