-- API.md "Payments": a booking has at most one live payment. A pending payment can be cancelled
-- (POST /payments/{id}/cancel, or a new intent of another method); a success the provider
-- reports for it afterwards is refunded at once.
ALTER TABLE payments DROP CONSTRAINT payments_status_check;
ALTER TABLE payments ADD CONSTRAINT payments_status_check
    CHECK (status IN ('pending', 'succeeded', 'failed', 'cancelled', 'refunded'));
