-- Per-tenant provisioning activity log (issue 11, item 6): one row per SCIM request, written off the request path in
-- batches. Never a secret, a token or a request body. Ids are time-ordered, so id order is time order.
create table activity_entry (
    tenant_id      uuid        not null references tenant (id) on delete cascade,
    id             uuid        not null,
    at             timestamptz not null,
    credential_id  uuid,
    method         text        not null,
    path           text        not null,
    filter         text,
    status         integer     not null,
    scim_type      text,
    detail         text,
    resource_id    uuid,
    duration_ms    integer     not null,
    request_id     text,
    primary key (tenant_id, id)
);
create index activity_entry_at_ix on activity_entry (tenant_id, at);
-- The retention purge deletes by age across tenants (a deviation from the tenant-first rule, like the feed's).
create index activity_entry_purge_ix on activity_entry (at);
