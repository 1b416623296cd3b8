-- Check-in devices (API.md "Check-in"): scanners an organizer enrolls, each signing in with a
-- token of its own that acts as role `gate` for that organizer's events. The one-time
-- enrollment code and the token are kept only as SHA-256 hashes (both are random: no salt is
-- needed); deleting a device stops its token at once (every request looks the token up).
CREATE TABLE checkin_devices (
    id                     uuid PRIMARY KEY,
    organizer_id           uuid NOT NULL REFERENCES users (id),
    name                   text NOT NULL,
    gate                   text NOT NULL,
    enrollment_hash        bytea UNIQUE,
    enrollment_expires_at  timestamptz,
    token_hash             bytea UNIQUE,
    enrolled_at            timestamptz,
    last_seen_at           timestamptz,
    scans                  bigint NOT NULL DEFAULT 0,
    created_at             timestamptz NOT NULL,
    deleted_at             timestamptz,
    CHECK ((token_hash IS NULL) = (enrolled_at IS NULL))
);
CREATE INDEX checkin_devices_organizer ON checkin_devices (organizer_id, created_at DESC)
    WHERE deleted_at IS NULL;
