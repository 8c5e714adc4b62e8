-- Whether /ServiceProviderConfig lists RFC 9865's "pagination" capability for this tenant (issue 14, item 16); null takes
-- the server's default (roster.scim.advertise-pagination). Strict clients (python-scim's models) refuse the attribute.
alter table tenant add column advertise_pagination boolean;
