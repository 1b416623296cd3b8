-- Check-in scans (API.md "Check-in"): every scan a gate made, once (its nonce), with what was
-- decided, and the order scanners sync by. One sequence numbers every change a scanner's
-- bundle carries: a scan recorded, a ticket issued or changed (cancelled, refunded,
-- transferred). A bundle's cursor is the largest number it carried; `since` asks for what came
-- after it. So that no change is missed when transactions commit out of order, every writer of
-- such a change holds a shared advisory lock (key "checkin", 0x636865636b696e) for its
-- transaction and takes its number after taking the lock; a bundle takes the lock exclusively
-- before it reads the largest number: every change numbered up to it has committed.
CREATE SEQUENCE checkin_changes;
ALTER TABLE tickets ADD COLUMN checkin_seq bigint;
UPDATE tickets SET checkin_seq = nextval('checkin_changes');
ALTER TABLE tickets ALTER COLUMN checkin_seq SET NOT NULL;
CREATE INDEX tickets_checkin ON tickets (event_id, checkin_seq);
CREATE FUNCTION tickets_checkin_number() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_advisory_xact_lock_shared(27980807363324270);
    NEW.checkin_seq := nextval('checkin_changes');
    RETURN NEW;
END $$;
CREATE TRIGGER tickets_checkin_insert BEFORE INSERT ON tickets FOR EACH ROW
    EXECUTE FUNCTION tickets_checkin_number();
CREATE TRIGGER tickets_checkin_update BEFORE UPDATE ON tickets FOR EACH ROW
    WHEN (OLD.status IS DISTINCT FROM NEW.status OR OLD.revoked_at IS DISTINCT FROM NEW.revoked_at)
    EXECUTE FUNCTION tickets_checkin_number();

CREATE TABLE checkin_scans (
    nonce        uuid PRIMARY KEY,
    seq          bigint NOT NULL DEFAULT nextval('checkin_changes'),
    event_id     uuid NOT NULL REFERENCES events (id) ON DELETE CASCADE,
    ticket_id    uuid,
    device_id    uuid,
    actor_id     uuid,
    gate         text NOT NULL,
    device_name  text NOT NULL,
    direction    text NOT NULL CHECK (direction IN ('entry', 'exit')),
    result       text NOT NULL,
    scanned_at   timestamptz NOT NULL,
    recorded_at  timestamptz NOT NULL,
    offline      boolean NOT NULL,
    first_at     timestamptz, -- already_inside: the entry that let the ticket in
    first_gate   text,
    first_device text
);
CREATE INDEX checkin_scans_event ON checkin_scans (event_id, seq);
CREATE INDEX checkin_scans_ticket ON checkin_scans (ticket_id, scanned_at) WHERE ticket_id IS NOT NULL;
