-- How many units a booking holds, on the booking itself: the per-user hold limit sums these
-- over the user's live holds of the event (the partial index bookings_event_user) instead of
-- joining their items. In the flash-sale benchmark that join was the costliest statement of a
-- hold (1 ms of PostgreSQL time each).
ALTER TABLE bookings ADD COLUMN units integer NOT NULL DEFAULT 0;
UPDATE bookings b SET units = (SELECT count(*) FROM booking_items i WHERE i.booking_id = b.id);
