-- Bookings, their items, the audit trail, the outbox and idempotency keys (DESIGN.md
-- "Inventory: the heart"). Every state change writes, in its own transaction, an append-only
-- booking event and an outbox row; the live sync reads the outbox.
CREATE TABLE bookings (
    id               uuid PRIMARY KEY,
    event_id         uuid NOT NULL REFERENCES events (id),
    user_id          uuid NOT NULL REFERENCES users (id),
    status           text NOT NULL CHECK (status IN ('held', 'confirmed', 'cancelled', 'expired', 'refunded')),
    hold_expires_at  timestamptz NOT NULL,
    currency         text NOT NULL,
    subtotal_minor   bigint NOT NULL,
    discount_minor   bigint NOT NULL DEFAULT 0,
    total_minor      bigint NOT NULL,
    created_at       timestamptz NOT NULL,
    updated_at       timestamptz NOT NULL
);
CREATE INDEX bookings_user ON bookings (user_id, created_at DESC, id);
CREATE INDEX bookings_event_user ON bookings (event_id, user_id) WHERE status = 'held';
CREATE INDEX bookings_expiring ON bookings (hold_expires_at) WHERE status = 'held';

CREATE TABLE booking_items (
    booking_id   uuid NOT NULL REFERENCES bookings (id) ON DELETE CASCADE,
    unit_id      bigint NOT NULL REFERENCES inventory_units (id),
    tier_id      uuid NOT NULL,
    seat_id      uuid,
    price_minor  bigint NOT NULL,
    PRIMARY KEY (booking_id, unit_id)
);

-- The audit trail: never updated, never deleted.
CREATE TABLE booking_events (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    booking_id  uuid NOT NULL,
    event_id    uuid NOT NULL,
    kind        text NOT NULL,            -- held, released, expired, confirmed, ...
    actor_id    uuid,                     -- who did it; null for the system (the sweeper)
    detail      jsonb NOT NULL DEFAULT '{}',
    at          timestamptz NOT NULL
);
CREATE INDEX booking_events_booking ON booking_events (booking_id, id);

-- What changed, for the live sync: seat and tier states after a change, per event. Ids from the
-- sequence are not committed in order, so readers do not trust them for order: the relay
-- stamps a dense per-event `seq` in commit order (see server/src/services/SyncRelay).
CREATE TABLE outbox (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    event_id    uuid NOT NULL,
    payload     jsonb NOT NULL,           -- {"changes": [{seat_id?, tier_id, status}], "tiers": [tier ids]}
    created_at  timestamptz NOT NULL DEFAULT now(),
    seq         bigint                    -- null until the relay stamps it
);
CREATE INDEX outbox_unstamped ON outbox (id) WHERE seq IS NULL;
CREATE UNIQUE INDEX outbox_event_seq ON outbox (event_id, seq) WHERE seq IS NOT NULL;
ALTER TABLE events ADD COLUMN sync_seq bigint NOT NULL DEFAULT 0;

-- Idempotency keys: stored with the effect, in its transaction (exactly once), with the first
-- answer, replayed for 24 hours to the same user with the same body.
CREATE TABLE idempotency_keys (
    user_id       uuid NOT NULL,
    key           text NOT NULL,
    route         text NOT NULL,
    request_hash  text NOT NULL,
    status        integer NOT NULL,
    response      text NOT NULL,
    created_at    timestamptz NOT NULL,
    PRIMARY KEY (user_id, key)
);
CREATE INDEX idempotency_keys_created ON idempotency_keys (created_at);
