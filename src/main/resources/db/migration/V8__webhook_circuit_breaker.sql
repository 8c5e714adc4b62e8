-- Per-endpoint circuit breaking (issue 11, item 2), shared by every pod through the endpoint's row: after
-- roster.webhooks.circuit-failures consecutive failed attempts the circuit opens and no pod posts to the endpoint until
-- circuit_open_until; then one probe at a time (half open) until an attempt succeeds and closes it. Deliveries wait, pending,
-- while it is open: they spend no attempts on a receiver that is known to be down.
alter table webhook_endpoint
    add column consecutive_failures integer not null default 0,
    add column circuit_open_until   timestamptz;
