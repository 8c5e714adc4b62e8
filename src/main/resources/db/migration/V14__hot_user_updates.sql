-- Issue 12: user updates that PostgreSQL can do as heap-only tuples (HOT), writing no index.
--
-- An update is HOT only when no indexed column changes value and the new row version fits on the same page. Every user
-- write moves last_modified, so its index made every update, even a PATCH of title, maintain all six indexes of the
-- table. The index goes: meta.lastModified filters (rare; Entra never sends one) and the admin API's sortBy=updatedAt
-- still work, reading the tenant's rows instead of an index. The other indexed columns change only when their values do
-- (userName, externalId, displayName, active).
drop index scim_user_last_modified_ix;

-- Room on each page for the next version of its rows (documents are about 1.5 KB, so about one per page), so that
-- updates stay on their page; the same for groups, whose rows every membership change touches.
alter table scim_user set (fillfactor = 85);
alter table scim_group set (fillfactor = 85);
