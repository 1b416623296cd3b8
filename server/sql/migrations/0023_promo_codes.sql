-- Promo codes and group discounts (API.md "Promo codes and group discounts"). A code is unique
-- per event without regard to case among the codes not deleted; a deleted one is kept (the
-- bookings that used it still name it) and its text may be given again. `uses` counts the
-- holds that used it and is given back when they end: the CHECK keeps it within max_uses, and
-- the row's lock makes racing holds exact.
CREATE TABLE promo_codes (
    id            uuid PRIMARY KEY,
    event_id      uuid NOT NULL REFERENCES events (id),
    code          text NOT NULL,
    kind          text NOT NULL CHECK (kind IN ('percent', 'amount')),
    percent       int CHECK (percent BETWEEN 1 AND 100),
    amount_minor  bigint CHECK (amount_minor > 0),
    max_uses      int CHECK (max_uses >= 1),
    per_user      int CHECK (per_user >= 1),
    valid_from    timestamptz,
    valid_until   timestamptz,
    tier_ids      uuid[] NOT NULL DEFAULT '{}',
    min_quantity  int NOT NULL DEFAULT 1 CHECK (min_quantity >= 1),
    uses          int NOT NULL DEFAULT 0 CHECK (uses >= 0 AND (max_uses IS NULL OR uses <= max_uses)),
    created_at    timestamptz NOT NULL,
    deleted_at    timestamptz,
    CHECK ((kind = 'percent') = (percent IS NOT NULL)),
    CHECK ((kind = 'amount') = (amount_minor IS NOT NULL))
);
CREATE UNIQUE INDEX promo_codes_event_code ON promo_codes (event_id, upper(code))
    WHERE deleted_at IS NULL;

-- An event's group discounts: [{min_quantity, percent}], checked by domain::checkGroupDiscounts.
ALTER TABLE events ADD COLUMN group_discounts jsonb NOT NULL DEFAULT '[]';
