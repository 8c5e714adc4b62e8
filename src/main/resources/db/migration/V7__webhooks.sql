-- Webhooks (issue 11, items 2-3): per-tenant endpoints, their signing secrets, one delivery per (event, endpoint) with
-- its attempts. Deliveries are created by the sequencer in the transaction that positions their events, so they follow
-- commit order; the relay claims them with FOR UPDATE SKIP LOCKED, one resource's deliveries to one endpoint in order.
create table webhook_endpoint (
    tenant_id    uuid        not null references tenant (id) on delete cascade,
    id           uuid        not null,
    url          text        not null,
    -- null: every event type.
    event_types  text[],
    enabled      boolean     not null default true,
    description  text,
    created_at   timestamptz not null,
    primary key (tenant_id, id)
);

-- Kept as issued (whsec_ + base64 of the key): Roster signs with them, so it needs them; they authenticate Roster to the
-- host and let it check a delivery, they grant nothing in Roster. Two may be active during a rotation.
create table webhook_secret (
    tenant_id    uuid        not null,
    endpoint_id  uuid        not null,
    id           uuid        not null,
    secret       text        not null,
    created_at   timestamptz not null,
    primary key (tenant_id, endpoint_id, id),
    foreign key (tenant_id, endpoint_id) references webhook_endpoint (tenant_id, id) on delete cascade
);

create table webhook_delivery (
    tenant_id        uuid        not null,
    id               uuid        not null,
    endpoint_id      uuid        not null,
    event_id         uuid        not null,
    resource_id      uuid        not null,
    position         bigint      not null,
    state            text        not null check (state in ('pending', 'delivered', 'dead')),
    attempts         integer     not null default 0,
    next_attempt_at  timestamptz not null,
    -- Set while a relay holds the delivery (it is in flight), so each endpoint's in-flight deliveries can be counted.
    leased_until     timestamptz,
    last_status      integer,
    last_error       text,
    delivered_at     timestamptz,
    created_at       timestamptz not null,
    primary key (tenant_id, id),
    foreign key (tenant_id, endpoint_id) references webhook_endpoint (tenant_id, id) on delete cascade
);
-- The relay's scan of due deliveries spans tenants (like the sequencer's): a deviation from the tenant-first rule.
create index webhook_delivery_due_ix on webhook_delivery (next_attempt_at) where state = 'pending';
create index webhook_delivery_order_ix on webhook_delivery (tenant_id, endpoint_id, resource_id, position)
    where state = 'pending';
create index webhook_delivery_endpoint_ix on webhook_delivery (tenant_id, endpoint_id, created_at);
create index webhook_delivery_age_ix on webhook_delivery (created_at) where state <> 'pending';
create index webhook_delivery_event_ix on webhook_delivery (tenant_id, event_id) where state = 'pending';

create table webhook_attempt (
    tenant_id      uuid        not null,
    delivery_id    uuid        not null,
    attempt        integer     not null,
    at             timestamptz not null,
    response_code  integer,
    latency_ms     integer     not null,
    response_body  text,
    error          text,
    primary key (tenant_id, delivery_id, attempt),
    foreign key (tenant_id, delivery_id) references webhook_delivery (tenant_id, id) on delete cascade
);
