-- Configurations also guard every catalog model address they name (kind 'model', provider:model): an access-scope or
-- routing entry is up to 400 characters, so the guard id is as long.
alter table reference_guard alter column id type varchar(400);
