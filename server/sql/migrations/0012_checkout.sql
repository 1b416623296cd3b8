-- Checkout (issue 5): payments and their refunds, tickets with signed credentials, the
-- events' signing keys, and the webhooks already handled.

-- Ed25519 keys per event (common/domain/Credential.h). The newest unretired key signs new
-- tickets; every key stays to verify the tickets it signed. Private keys never leave the server.
CREATE TABLE event_keys (
    key_id      bytea PRIMARY KEY,            -- 8 bytes: BLAKE2b of the public key
    event_id    uuid NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    public_key  bytea NOT NULL,
    secret_key  bytea NOT NULL,
    created_at  timestamptz NOT NULL,
    retired_at  timestamptz
);
CREATE INDEX event_keys_event ON event_keys (event_id, created_at DESC);

CREATE TABLE payments (
    id              uuid PRIMARY KEY,
    booking_id      uuid NOT NULL REFERENCES bookings (id),
    provider        text NOT NULL,             -- 'cash', 'paysim', ...
    method          text NOT NULL CHECK (method IN ('card', 'cash')),
    amount_minor    bigint NOT NULL CHECK (amount_minor >= 0),
    currency        text NOT NULL,
    status          text NOT NULL CHECK (status IN ('pending', 'succeeded', 'failed', 'refunded')),
    provider_ref    text,                      -- the provider's intent id
    client_secret   text,
    failure_code    text,
    refunded_minor  bigint NOT NULL DEFAULT 0 CHECK (refunded_minor >= 0 AND refunded_minor <= amount_minor),
    created_by      uuid NOT NULL,
    created_at      timestamptz NOT NULL,
    updated_at      timestamptz NOT NULL
);
CREATE INDEX payments_booking ON payments (booking_id);
CREATE UNIQUE INDEX payments_provider_ref ON payments (provider, provider_ref) WHERE provider_ref IS NOT NULL;

CREATE TABLE payment_refunds (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    payment_id    uuid NOT NULL REFERENCES payments (id),
    amount_minor  bigint NOT NULL CHECK (amount_minor > 0),
    provider_ref  text,
    reason        text NOT NULL,               -- 'cancellation', 'staff', 'hold_expired'
    actor_id      uuid,
    created_at    timestamptz NOT NULL
);
CREATE INDEX payment_refunds_payment ON payment_refunds (payment_id, id);

CREATE TABLE tickets (
    id          uuid PRIMARY KEY,
    booking_id  uuid NOT NULL REFERENCES bookings (id),
    event_id    uuid NOT NULL REFERENCES events (id),
    unit_id     bigint NOT NULL,
    tier_id     uuid NOT NULL,
    seat_id     uuid,
    status      text NOT NULL CHECK (status IN ('active', 'used', 'cancelled', 'transferred')),
    credential  text NOT NULL,
    key_id      bytea NOT NULL,
    created_at  timestamptz NOT NULL,
    revoked_at  timestamptz
);
CREATE INDEX tickets_booking ON tickets (booking_id);
CREATE INDEX tickets_revoked ON tickets (event_id) WHERE revoked_at IS NOT NULL;

-- Provider events handled, by their id: a replayed webhook changes nothing.
CREATE TABLE webhook_events (
    provider     text NOT NULL,
    event_id     text NOT NULL,
    type         text NOT NULL,
    received_at  timestamptz NOT NULL,
    PRIMARY KEY (provider, event_id)
);

-- Why a booking ended as it did, when it is not obvious (a payment that came too late).
ALTER TABLE bookings ADD COLUMN status_reason text;
