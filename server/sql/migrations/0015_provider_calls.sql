-- A payment provider is never called inside a transaction (issue 12, item 5). What we owe a
-- provider is recorded first, in the transaction of its cause, and asked of the provider after
-- the commit with no transaction open; the payment reconciler makes whatever an outage or a
-- crash left owed. The provider's idempotency keys make a call made twice count once.

-- An intent recorded but not yet answered by its provider is `pending` with no provider_ref.
CREATE INDEX payments_unanswered ON payments (updated_at)
    WHERE status = 'pending' AND provider_ref IS NULL;

-- A payment cancelled here whose provider has not been told yet.
ALTER TABLE payments ADD COLUMN cancel_owed boolean NOT NULL DEFAULT false;
CREATE INDEX payments_cancel_owed ON payments (updated_at) WHERE cancel_owed;

-- A refund recorded (the payment's refunded_minor counts it at once, so no two refunds can
-- take the same money) that its provider has not made yet.
ALTER TABLE payment_refunds
    ADD COLUMN owed boolean NOT NULL DEFAULT false,
    ADD COLUMN provider_key text,
    ADD COLUMN attempts integer NOT NULL DEFAULT 0,
    ADD COLUMN attempted_at timestamptz;
CREATE INDEX payment_refunds_owed ON payment_refunds (coalesce(attempted_at, created_at)) WHERE owed;
