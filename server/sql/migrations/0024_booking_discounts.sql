-- A booking's discount (API.md "Promo codes and group discounts"): what applied (a promo code
-- or a group discount, never both), and each line item's share of it, to the minor unit
-- (domain::price spreads it). Each item's price stays the list price.
ALTER TABLE booking_items ADD COLUMN discount_minor bigint NOT NULL DEFAULT 0;
ALTER TABLE booking_items ADD CONSTRAINT booking_items_discount
    CHECK (discount_minor >= 0 AND discount_minor <= price_minor);

ALTER TABLE bookings ADD COLUMN promo_code_id uuid REFERENCES promo_codes (id);
ALTER TABLE bookings ADD COLUMN applied_kind text CHECK (applied_kind IN ('promo_code', 'group_discount'));
ALTER TABLE bookings ADD COLUMN applied_code text;          -- the code as its event spells it
ALTER TABLE bookings ADD COLUMN applied_percent int;        -- a percent code's or the group discount's
ALTER TABLE bookings ADD COLUMN applied_min_quantity int;   -- the group discount's
ALTER TABLE bookings ADD CONSTRAINT bookings_applied
    CHECK (promo_code_id IS NULL OR applied_kind = 'promo_code');
-- A buyer's uses of a code (per_user) are counted among that code's bookings.
CREATE INDEX bookings_promo_code ON bookings (promo_code_id) WHERE promo_code_id IS NOT NULL;

-- A code's `uses` follow its bookings: a booking that names it counts while it is held or
-- confirmed, and its use is given back when it ends (expired, released, cancelled, refunded),
-- whichever path ends it. The hold checks the limit under the code's row lock first, so the
-- CHECK of promo_codes never fires in normal running; it is the last guard. The triggers only
-- run for bookings with a code (WHEN), so the holds of a flash sale without one pay nothing.
CREATE FUNCTION promo_code_counts(status text) RETURNS boolean
    LANGUAGE sql IMMUTABLE AS $$ SELECT status IN ('held', 'confirmed') $$;

CREATE FUNCTION bookings_promo_uses() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    was boolean := TG_OP = 'UPDATE' AND OLD.promo_code_id IS NOT NULL AND promo_code_counts(OLD.status);
    now_counts boolean := NEW.promo_code_id IS NOT NULL AND promo_code_counts(NEW.status);
BEGIN
    IF was AND NOT (now_counts AND NEW.promo_code_id = OLD.promo_code_id) THEN
        UPDATE promo_codes SET uses = uses - 1 WHERE id = OLD.promo_code_id;
    END IF;
    IF now_counts AND NOT (was AND NEW.promo_code_id = OLD.promo_code_id) THEN
        UPDATE promo_codes SET uses = uses + 1 WHERE id = NEW.promo_code_id;
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER bookings_promo_uses_insert AFTER INSERT ON bookings
    FOR EACH ROW WHEN (NEW.promo_code_id IS NOT NULL) EXECUTE FUNCTION bookings_promo_uses();
CREATE TRIGGER bookings_promo_uses_update AFTER UPDATE OF status, promo_code_id ON bookings
    FOR EACH ROW WHEN (OLD.promo_code_id IS NOT NULL OR NEW.promo_code_id IS NOT NULL)
    EXECUTE FUNCTION bookings_promo_uses();
