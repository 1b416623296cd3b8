-- Box office sales (API.md "Box office"): a hold may name its buyer (a walk-in needs no
-- account), the agent who sold it is kept, and best available seats spread over several rows
-- say so.
ALTER TABLE bookings
    ADD COLUMN customer_name  text,
    ADD COLUMN customer_email text,
    ADD COLUMN customer_phone text,
    ADD COLUMN sold_by        uuid REFERENCES users (id),
    ADD COLUMN split          boolean NOT NULL DEFAULT false;
