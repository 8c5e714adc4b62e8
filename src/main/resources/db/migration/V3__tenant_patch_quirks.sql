-- A tenant's switch for the PATCH rewrites that give a valid RFC 7644 request another meaning (Entra removes only the
-- members it lists; an empty value clears an attribute). On by default: Entra relies on them.
alter table tenant add column patch_quirks boolean not null default true;
