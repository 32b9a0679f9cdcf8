-- The version of each internal snapshot document that must move only with its own changes (the outbox
-- position moves with every change of the service). Seeded with the outbox position so that versions
-- already handed out stay below every later one.
create table document_version (
    document varchar(50) primary key,
    version  bigint      not null
);

insert into document_version (document, version)
select 'provider-keys', coalesce(max(seq), 0) from outbox_event;
