-- Venues and their seat maps (API.md "Venues and seat maps"). The seat map lives twice, on
-- purpose: as rows (sections, seats: what inventory, holds and tickets refer to) and as the
-- finished JSON answer of GET /venues/{id} (`document`), written once per change, so that a
-- 60,000-seat stadium is served without assembling 60,000 rows per request.
CREATE TABLE venues (
    id              uuid PRIMARY KEY,
    organizer_id    uuid NOT NULL REFERENCES users (id),
    name            text NOT NULL,
    city            text NOT NULL,
    total_capacity  integer NOT NULL,
    document        text NOT NULL,          -- the Venue JSON of the API, ids and labels included
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX venues_organizer ON venues (organizer_id, id);

CREATE TABLE venue_sections (
    id        uuid PRIMARY KEY,
    venue_id  uuid NOT NULL REFERENCES venues (id) ON DELETE CASCADE,
    key       text NOT NULL,
    name      text NOT NULL,
    kind      text NOT NULL CHECK (kind IN ('seated', 'standing')),
    capacity  integer NOT NULL,
    UNIQUE (venue_id, key)
);

CREATE TABLE venue_seats (
    id          uuid PRIMARY KEY,
    venue_id    uuid NOT NULL REFERENCES venues (id) ON DELETE CASCADE,
    section_id  uuid NOT NULL REFERENCES venue_sections (id) ON DELETE CASCADE,
    row_label   text NOT NULL,
    number      integer NOT NULL,
    label       text NOT NULL,
    accessible  boolean NOT NULL DEFAULT false,
    UNIQUE (section_id, row_label, number)
);
CREATE INDEX venue_seats_venue ON venue_seats (venue_id);
