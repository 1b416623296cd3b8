-- Live sync: the relay turns unstamped outbox rows into one delta per event and pass, with a
-- dense per-event sequence, carrying seat states and tier counts as they are when stamped.
-- Every instance reads the deltas of the events its WebSocket clients watch.
CREATE TABLE sync_deltas (
    event_id    uuid NOT NULL,
    seq         bigint NOT NULL,
    payload     jsonb NOT NULL,          -- {"changes": [{seat_id?, tier_id, status}], "tiers": [{tier_id, available, held, sold}]}
    created_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (event_id, seq)
);
-- Outbox rows of one pass share their delta's seq.
DROP INDEX outbox_event_seq;
CREATE INDEX outbox_stamped ON outbox (created_at) WHERE seq IS NOT NULL;

-- Wakes the relay as soon as a change commits (it also polls, in case a notice is lost).
CREATE FUNCTION outbox_wake() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('ticketing_outbox', '');
    RETURN NULL;
END $$;
CREATE TRIGGER outbox_wake AFTER INSERT ON outbox FOR EACH STATEMENT EXECUTE FUNCTION outbox_wake();
