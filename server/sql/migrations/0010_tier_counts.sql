-- The live sync's tier counts, kept by the relay alone (one writer: not a hot row for holds).
-- Every outbox row carries the moves of its change ({"moves": [{tier_id, from, to, n}]}); the
-- relay adds them up here when it stamps the row, instead of counting a tier's units on every
-- pass (in the flash-sale benchmark that recount was a third of PostgreSQL's CPU). Counts are of
-- the units' stored status: a hold whose time is up counts as held until the sweeper ends it.
-- The relay reconciles these with the units when it takes over.
CREATE TABLE sync_tier_counts (
    tier_id    uuid PRIMARY KEY REFERENCES ticket_tiers (id) ON DELETE CASCADE,
    event_id   uuid NOT NULL,
    available  integer NOT NULL,
    held       integer NOT NULL,
    sold       integer NOT NULL
);
CREATE INDEX sync_tier_counts_event ON sync_tier_counts (event_id);
INSERT INTO sync_tier_counts (tier_id, event_id, available, held, sold)
SELECT t.id, t.event_id, count(u.id) FILTER (WHERE u.status = 'available'), count(u.id) FILTER (WHERE u.status = 'held'),
       count(u.id) FILTER (WHERE u.status = 'sold')
FROM ticket_tiers t JOIN events e ON e.id = t.event_id LEFT JOIN inventory_units u ON u.tier_id = t.id
WHERE e.status <> 'draft' GROUP BY t.id, t.event_id;
