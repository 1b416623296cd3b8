-- The waitlist (API.md "Waitlist"): an attendee waits for units of a sold-out tier. Units that
-- come back (a hold ends, a booking is cancelled or refunded, a block is lifted) are offered,
-- in the transaction that frees them, to the first waiting entry they can serve: a hold made
-- for that entrant (status `offered`, its booking), which nobody else can take. An offer not
-- claimed in time lapses with its hold, and the units go to the next entry.
CREATE TABLE waitlist_entries (
    id                uuid PRIMARY KEY,
    seq               bigserial NOT NULL,       -- the order of the queue
    event_id          uuid NOT NULL REFERENCES events (id),
    tier_id           uuid NOT NULL REFERENCES ticket_tiers (id),
    user_id           uuid NOT NULL REFERENCES users (id),
    quantity          int NOT NULL CHECK (quantity BETWEEN 1 AND 10),
    status            text NOT NULL DEFAULT 'waiting'
                      CHECK (status IN ('waiting', 'offered', 'claimed', 'lapsed', 'left')),
    booking_id        uuid REFERENCES bookings (id),
    offer_expires_at  timestamptz,
    created_at        timestamptz NOT NULL,
    updated_at        timestamptz NOT NULL
);
CREATE INDEX waitlist_waiting ON waitlist_entries (tier_id, seq) WHERE status = 'waiting';
CREATE INDEX waitlist_event ON waitlist_entries (event_id, seq);
CREATE INDEX waitlist_user ON waitlist_entries (user_id, created_at);
CREATE INDEX waitlist_booking ON waitlist_entries (booking_id) WHERE booking_id IS NOT NULL;
-- One live entry per person and tier.
CREATE UNIQUE INDEX waitlist_one_live ON waitlist_entries (tier_id, user_id)
    WHERE status IN ('waiting', 'offered');
