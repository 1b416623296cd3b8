-- Box office shifts (API.md "Box office"): an agent's cash drawer from opening to close. Every
-- payment an agent takes while a shift is open belongs to it (cash and card_present need one),
-- and so does every refund the agent makes then. The totals are read from the payments and
-- refunds themselves, never kept apart from them.
CREATE TABLE box_office_shifts (
    id                   uuid PRIMARY KEY,
    agent_id             uuid NOT NULL REFERENCES users (id),
    currency             text NOT NULL,
    opened_at            timestamptz NOT NULL,
    closed_at            timestamptz,
    opening_float_minor  bigint NOT NULL CHECK (opening_float_minor >= 0),
    counted_cash_minor   bigint CHECK (counted_cash_minor >= 0),
    CHECK ((closed_at IS NULL) = (counted_cash_minor IS NULL))
);
-- One open shift per agent.
CREATE UNIQUE INDEX box_office_shifts_open ON box_office_shifts (agent_id) WHERE closed_at IS NULL;
CREATE INDEX box_office_shifts_agent ON box_office_shifts (agent_id, opened_at DESC);
CREATE INDEX box_office_shifts_opened ON box_office_shifts (opened_at DESC);

ALTER TABLE payments ADD COLUMN shift_id uuid REFERENCES box_office_shifts (id);
CREATE INDEX payments_shift ON payments (shift_id) WHERE shift_id IS NOT NULL;
ALTER TABLE payment_refunds ADD COLUMN shift_id uuid REFERENCES box_office_shifts (id);
CREATE INDEX payment_refunds_shift ON payment_refunds (shift_id) WHERE shift_id IS NOT NULL;

-- A card read by the counter's terminal, through the card provider.
ALTER TABLE payments DROP CONSTRAINT payments_method_check;
ALTER TABLE payments ADD CONSTRAINT payments_method_check CHECK (method IN ('card', 'cash', 'card_present'));
