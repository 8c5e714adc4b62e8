-- Transactional outbox (issue 11): every committed change of a user or group writes its event in the same transaction.
-- A feed position is assigned only after the change has committed, by the sequencer (events/FeedSequencer), in the order
-- it finds committed events: so a reader following positions never skips an event whose transaction committed after a
-- later-started one's.
create table outbox_event (
    tenant_id            uuid        not null references tenant (id) on delete cascade,
    id                   uuid        not null,
    -- Insertion order, for sequencing events of one transaction (and of one resource) in the order they were written.
    insert_order         bigint      generated always as identity,
    type                 text        not null,
    resource_type        text        not null,
    resource_id          uuid        not null,
    occurred_at          timestamptz not null,
    actor_credential_id  uuid,
    actor_kind           text,
    -- {"resource": ..., "changed": [...], "labels": {...}}: the document as a GET shows it, never an entity.
    payload              jsonb       not null,
    position             bigint,
    primary key (tenant_id, id)
);
create unique index outbox_event_tenant_feed_ix on outbox_event (tenant_id, position) where position is not null;
-- Two indexes do not lead with tenant_id, on purpose (a deviation from design.md's rule): the cross-tenant feed
-- (/admin/v1/events) follows the one global position, and the sequencer finds events not yet positioned across tenants.
-- Both stay small or append-only; on Citus the outbox would be a table of the coordinator.
create unique index outbox_event_feed_ix on outbox_event (position) where position is not null;
create index outbox_event_unsequenced_ix on outbox_event (insert_order) where position is null;
-- The retention purge deletes by age across tenants (events/EventRetention).
create index outbox_event_age_ix on outbox_event (occurred_at);
