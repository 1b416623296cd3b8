-- Seat blocks (API.md "Seat blocks"): an organizer holds seats back from sale (house seats,
-- technical positions, sponsors). A blocked unit keeps its reason in `blocked_reason`; its
-- status is `blocked` while nobody holds it. A box office or admin hold may take it
-- (`include_blocked`): it is then `held` or `sold` with its reason kept, and when that hold ends
-- or that sale is cancelled it goes back to `blocked`, not on sale. Unblocking clears the reason
-- (a blocked unit becomes `available`; a held or sold one stays so, and is on sale once freed).
ALTER TABLE inventory_units ADD COLUMN blocked_reason text;
ALTER TABLE inventory_units ADD CONSTRAINT inventory_units_blocked_has_reason
    CHECK (status <> 'blocked' OR blocked_reason IS NOT NULL);
ALTER TABLE inventory_units ADD CONSTRAINT inventory_units_available_not_blocked
    CHECK (status <> 'available' OR blocked_reason IS NULL);

-- The live sync counts blocked units too (the moves from and to `blocked`).
ALTER TABLE sync_tier_counts ADD COLUMN blocked integer NOT NULL DEFAULT 0;
UPDATE sync_tier_counts c SET blocked = (SELECT count(*) FROM inventory_units u
                                         WHERE u.tier_id = c.tier_id AND u.status = 'blocked');
