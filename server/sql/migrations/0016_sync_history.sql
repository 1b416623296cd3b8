-- A promoted replica of an asynchronous primary may lack the last deltas its primary sent to
-- live subscribers: its relay would stamp new changes with the same seqs, and a subscriber that
-- had seen the lost ones would take the new ones for them (or skip them), its seat map wrong
-- without any sign. So the live sync knows which history it writes: the PostgreSQL timeline
-- (a new one begins at every promotion or point-in-time recovery). When the relay finds a new
-- one, every event's seq jumps a million ahead of anything the lost history can have reached
-- (an asynchronous replica lags by milliseconds, not by a million deltas of one event): a
-- resubscription with an old `since` then finds no delta that follows it and gets a snapshot,
-- and so do the subscribers that stayed connected (SyncHub: a delta that does not follow on).
CREATE TABLE sync_history (
    only_row   boolean PRIMARY KEY DEFAULT true CHECK (only_row),
    timeline   bigint NOT NULL,
    jumped_at  timestamptz
);
-- Known from the start: if the first deltas are lost in a fail-over, their history is still
-- known to be another one.
INSERT INTO sync_history (timeline)
    VALUES (('x' || substr(pg_walfile_name(pg_current_wal_lsn()), 1, 8))::bit(32)::int);

-- True when this call found a new timeline and made the jump. The relay calls it in each
-- transaction that stamps deltas, before it stamps (the primary only: a standby has no WAL
-- position to write at).
CREATE FUNCTION sync_new_history() RETURNS boolean LANGUAGE plpgsql AS $$
DECLARE
    current bigint := ('x' || substr(pg_walfile_name(pg_current_wal_lsn()), 1, 8))::bit(32)::int;
    known bigint;
BEGIN
    SELECT timeline INTO known FROM sync_history FOR UPDATE;
    IF NOT FOUND THEN -- (removed by hand: the history is unknown, so it is a new one)
        INSERT INTO sync_history (timeline) VALUES (current) ON CONFLICT DO NOTHING;
        known := -1;
    END IF;
    IF known = current THEN
        RETURN false;
    END IF;
    UPDATE events SET sync_seq = sync_seq + 1000000;
    UPDATE sync_history SET timeline = current, jumped_at = now();
    RETURN true;
END $$;
