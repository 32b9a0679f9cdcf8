-- Projections of other services' topics, kept to validate writes without synchronous calls.
-- Rows are never removed: a deleted aggregate stays as a tombstone so that stale events are dropped.

-- catalog-changes, kind provider: does a providerId name an existing provider?
create table catalog_provider (
    id      varchar(63) primary key,
    status  varchar(32) not null,
    version bigint      not null,
    deleted boolean     not null
);

-- config-changes, kind configuration: does a configurationId exist, which provider keys does it use?
create table configuration_ref (
    id      varchar(64) primary key,
    version bigint      not null,
    deleted boolean     not null
);

-- router.rules[].steps[].keys[] of each live configuration (replaced whole on every applied event).
create table configuration_provider_key (
    configuration_id varchar(64) not null references configuration_ref (id),
    provider_key_id  varchar(64) not null,
    primary key (configuration_id, provider_key_id)
);
create index configuration_provider_key_by_key on configuration_provider_key (provider_key_id);
