-- Projections of other services' topics, so that deletes can be refused while something still refers to a
-- provider or model, without synchronous calls. Rows are never removed: a deleted aggregate stays as a
-- tombstone so that stale (older) events for it keep being dropped.

-- provider-key-changes, kind provider-key: which provider each provider key belongs to.
create table provider_key_ref (
    id          varchar(64) primary key,
    provider_id text,
    version     bigint      not null,
    deleted     boolean     not null
);
create index provider_key_ref_by_provider on provider_key_ref (provider_id) where not deleted;

-- config-changes, kind configuration.
create table configuration_ref (
    id      varchar(64) primary key,
    version bigint      not null,
    deleted boolean     not null
);

-- What each live configuration names (access.providers.allow, access.models.allow, router rules' provider and
-- model, fallback models); replaced whole on every applied event. model_ref is '' for a provider-only reference.
create table configuration_reference (
    configuration_id varchar(64)  not null references configuration_ref (id),
    provider_id      text         not null,
    model_ref        text         not null default '',
    primary key (configuration_id, provider_id, model_ref)
);
create index configuration_reference_by_provider on configuration_reference (provider_id);
create index configuration_reference_by_model on configuration_reference (model_ref) where model_ref <> '';
