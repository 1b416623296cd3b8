-- Accounts (API.md "Accounts"). Emails are unique without regard to case: email_key holds the
-- normalised form (trimmed, lower case) and is the unique key; email keeps what was typed.
CREATE TABLE users (
    id             uuid PRIMARY KEY,
    email          text NOT NULL,
    email_key      text NOT NULL UNIQUE,
    password_hash  text NOT NULL,          -- Argon2id, libsodium's crypto_pwhash_str format
    first_name     text NOT NULL,
    last_name      text NOT NULL,
    phone          text,
    role           text NOT NULL CHECK (role IN ('attendee', 'organizer', 'box_office', 'gate', 'admin')),
    created_at     timestamptz NOT NULL DEFAULT now(),
    updated_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX users_role ON users (role);

-- One row per login. Access tokens carry the session id, so revoking a session (logout, a
-- reused refresh token, a role change) also stops its access tokens at once.
CREATE TABLE login_sessions (
    id          uuid PRIMARY KEY,
    user_id     uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at  timestamptz NOT NULL DEFAULT now(),
    revoked_at  timestamptz,
    revoked_why text
);
CREATE INDEX login_sessions_user ON login_sessions (user_id) WHERE revoked_at IS NULL;

-- Refresh tokens are stored only as hashes (SHA-256 of 256 random bits: no salt needed). Each
-- use spends the token and issues the next one in the same session; a spent one presented
-- again means it was stolen, and the whole session is revoked.
CREATE TABLE refresh_tokens (
    token_hash  bytea PRIMARY KEY,
    session_id  uuid NOT NULL REFERENCES login_sessions (id) ON DELETE CASCADE,
    expires_at  timestamptz NOT NULL,
    spent_at    timestamptz,
    created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX refresh_tokens_session ON refresh_tokens (session_id);

-- Failed logins per email key, known account or not: the lockout must not tell which emails
-- exist. A row without failures in the window is dead and may be deleted.
CREATE TABLE login_throttle (
    email_key     text PRIMARY KEY,
    failures      integer NOT NULL,
    window_start  timestamptz NOT NULL,
    locked_until  timestamptz
);
