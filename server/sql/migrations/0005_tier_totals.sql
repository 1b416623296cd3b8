-- How many places each tier sells: computed from the venue's map when the event is written,
-- and counted from the inventory when it is published.
ALTER TABLE ticket_tiers ADD COLUMN quantity_total integer NOT NULL DEFAULT 0;
