-- Transfers, passwords and the notification outbox (API.md "Transfers", "Passwords",
-- "Notifications").

-- Accounts made for someone else (the receiver of a transfer) have no password until they set
-- one through the e-mailed link: NULL, which no login matches.
ALTER TABLE users ALTER COLUMN password_hash DROP NOT NULL;

-- One-time password links: only the token's hash is kept; valid an hour, once.
CREATE TABLE password_resets (
    token_hash  bytea PRIMARY KEY,
    user_id     uuid NOT NULL REFERENCES users (id),
    created_at  timestamptz NOT NULL,
    expires_at  timestamptz NOT NULL,
    used_at     timestamptz
);
CREATE INDEX password_resets_user ON password_resets (user_id);

-- An event's transfer rules: allowed by default, until its start unless said otherwise.
ALTER TABLE events ADD COLUMN transfers_allowed boolean NOT NULL DEFAULT true;
ALTER TABLE events ADD COLUMN transfer_until timestamptz;

-- Who holds a ticket when it is not the buyer: the receiver of a transfer. The ticket given
-- away is `transferred` (revoked: its credential reaches the scanners' revocation list) and
-- names the ticket issued in its place.
ALTER TABLE tickets ADD COLUMN holder_user_id uuid REFERENCES users (id);
ALTER TABLE tickets ADD COLUMN holder_email text;
ALTER TABLE tickets ADD COLUMN holder_name text;
ALTER TABLE tickets ADD COLUMN transferred_to uuid REFERENCES tickets (id);
CREATE INDEX tickets_holder ON tickets (holder_user_id) WHERE holder_user_id IS NOT NULL;

-- The notification outbox: one row per message, written in the transaction of its cause, so a
-- message exists exactly when its cause committed. `dedupe_key` names the cause (one message
-- per cause however often it is written); the sender sends due rows, retrying with back-off, and
-- marks them sent or failed. The Message-ID is made from `id`, so every copy of one message
-- (a retry after a crash between the send and its record) carries the same one.
CREATE TABLE notifications (
    id               uuid PRIMARY KEY,
    kind             text NOT NULL,
    user_id          uuid REFERENCES users (id),
    email            text NOT NULL,
    locale           text NOT NULL DEFAULT 'en',
    dedupe_key       text NOT NULL UNIQUE,
    payload          jsonb NOT NULL,
    status           text NOT NULL DEFAULT 'pending'
                     CHECK (status IN ('pending', 'sent', 'failed', 'suppressed')),
    attempts         int NOT NULL DEFAULT 0,
    next_attempt_at  timestamptz NOT NULL,
    created_at       timestamptz NOT NULL,
    sent_at          timestamptz,
    last_error       text
);
CREATE INDEX notifications_due ON notifications (next_attempt_at) WHERE status = 'pending';
CREATE INDEX notifications_failed ON notifications (created_at) WHERE status = 'failed';
CREATE INDEX notifications_user_kind ON notifications (user_id, kind, created_at);
