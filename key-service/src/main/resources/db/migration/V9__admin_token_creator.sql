-- Who issued each admin token: "bootstrap" (the AIGW_ADMIN_TOKEN) or the id of the issued token that created it.
-- Null for tokens issued before this column existed.
alter table admin_token add column created_by varchar(64);
