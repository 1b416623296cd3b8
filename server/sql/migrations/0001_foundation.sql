-- Settings that every ticketd instance on this database must share (for example the key that
-- signs access tokens when no key file is configured). Written once, read at start-up.
CREATE TABLE server_settings (
    key        text PRIMARY KEY,
    value      bytea NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);
