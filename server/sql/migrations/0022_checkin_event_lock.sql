-- Check-in's change lock per event instead of one for all (migration 0021): a scanner's bundle
-- and the live `checkin:<event_id>` channel read an event's changes under the exclusive lock,
-- and now wait only for that event's writers, never for the ticket sales of every other event.
-- Key: (0x63686b69 "chki", hashtext(event id)); writers take it shared, readers exclusively.
CREATE OR REPLACE FUNCTION tickets_checkin_number() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_advisory_xact_lock_shared(1667787625, hashtext(NEW.event_id::text));
    NEW.checkin_seq := nextval('checkin_changes');
    RETURN NEW;
END $$;
