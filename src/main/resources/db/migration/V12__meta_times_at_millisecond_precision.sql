-- meta.created and meta.lastModified are shown at millisecond precision, and from now on stored at it (scim/wire/Meta.now),
-- so that a filter with a value a client read back compares exactly (issue 14, item 14). Rows written before keep
-- microseconds: bring them to the precision they were shown at. Only rows with sub-millisecond parts are rewritten.
update scim_user set created = date_trunc('milliseconds', created),
                     last_modified = date_trunc('milliseconds', last_modified)
where created <> date_trunc('milliseconds', created) or last_modified <> date_trunc('milliseconds', last_modified);
update scim_group set created = date_trunc('milliseconds', created),
                      last_modified = date_trunc('milliseconds', last_modified)
where created <> date_trunc('milliseconds', created) or last_modified <> date_trunc('milliseconds', last_modified);
