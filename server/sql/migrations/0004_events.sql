-- Events, their ticket tiers, and the inventory: one row per sellable unit, made when an event
-- is published (DESIGN.md "Inventory: the heart"). A reserved seat is a unit with a seat; a
-- standing tier of N places is N units without one. Holds claim units by updating these rows;
-- there is no counter row to fight over.
CREATE TABLE events (
    id             uuid PRIMARY KEY,
    organizer_id   uuid NOT NULL REFERENCES users (id),
    venue_id       uuid NOT NULL REFERENCES venues (id),
    title          text NOT NULL,
    description    text NOT NULL,
    genre          text NOT NULL,
    city           text NOT NULL,             -- the venue's, for the listing filter
    start_time     timestamptz NOT NULL,
    end_time       timestamptz NOT NULL,
    sale_start     timestamptz,               -- null: on sale from publication
    sale_end       timestamptz,               -- null: until the event starts
    currency       text NOT NULL,
    status         text NOT NULL CHECK (status IN ('draft', 'published', 'cancelled', 'completed')),
    refund_policy  jsonb,
    created_at     timestamptz NOT NULL DEFAULT now(),
    updated_at     timestamptz NOT NULL DEFAULT now(),
    published_at   timestamptz,
    CHECK (end_time > start_time)
);
CREATE INDEX events_published ON events (start_time, id) WHERE status = 'published';
CREATE INDEX events_organizer ON events (organizer_id, start_time, id);
CREATE INDEX events_venue ON events (venue_id) WHERE status = 'published';

CREATE TABLE ticket_tiers (
    id            uuid PRIMARY KEY,
    event_id      uuid NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    position      integer NOT NULL,
    name          text NOT NULL,
    price_minor   bigint NOT NULL CHECK (price_minor >= 0),
    kind          text NOT NULL CHECK (kind IN ('seated', 'standing')),
    section_keys  text[] NOT NULL,            -- seated: the sections; standing: exactly one
    quantity      integer,                    -- standing only
    UNIQUE (event_id, position)
);

-- No foreign key to venue_seats: a venue's map may be edited once no published event uses
-- it, and ids of seats that stay are kept; units are made from the map at publication.
CREATE TABLE inventory_units (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    event_id         uuid NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    tier_id          uuid NOT NULL REFERENCES ticket_tiers (id) ON DELETE CASCADE,
    seat_id          uuid,
    status           text NOT NULL DEFAULT 'available' CHECK (status IN ('available', 'held', 'sold', 'blocked')),
    booking_id       uuid,
    hold_expires_at  timestamptz,
    UNIQUE (event_id, seat_id)
);
CREATE INDEX inventory_units_tier ON inventory_units (tier_id, status);
CREATE INDEX inventory_units_booking ON inventory_units (booking_id) WHERE booking_id IS NOT NULL;
