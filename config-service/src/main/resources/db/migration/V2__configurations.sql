-- Configurations: the document is JSONB; the columns are what the service queries on.
create table configuration (
    id         varchar(40)  primary key,
    name       varchar(100) not null,
    document   jsonb        not null,
    version    bigint       not null,
    created_at timestamptz  not null,
    updated_at timestamptz  not null,
    constraint configuration_name_unique unique (name)
);

-- Gateway settings: one document, id 'global', seeded with the defaults.
create table gateway_settings (
    id         varchar(20) primary key,
    document   jsonb       not null,
    version    bigint      not null,
    updated_at timestamptz not null
);

insert into gateway_settings (id, document, version, updated_at) values ('global',
  '{"attemptTimeout":"PT1M","totalTimeout":"PT2M","maxAttempts":10,"maxBodyBytes":10485760,"maxInputTokens":null,"maxOutputTokens":null,"defaultLimits":{"requestsPerMinute":null,"tokensPerMinute":null,"monthlyBudgetUsd":null},"limitsFailMode":"open"}',
  1, now());

-- Projections of other services' topics. A deleted aggregate stays as a tombstone row
-- (deleted = true) so that its version still filters out stale events.
create table catalog_provider (
    id                  varchar(63) primary key,
    allow_pass_through  boolean     not null,
    status              varchar(20),
    version             bigint      not null,
    deleted             boolean     not null
);

create table catalog_model (
    id          varchar(400) primary key, -- canonical address provider:model
    provider_id varchar(63)  not null,
    model_id    varchar(336) not null,
    bare_id     boolean      not null,
    status      varchar(20),
    version     bigint       not null,
    deleted     boolean      not null
);
create index catalog_model_model_id on catalog_model (model_id);
create index catalog_model_lower_model_id on catalog_model (lower(model_id));

create table provider_key (
    id          varchar(64) primary key,
    provider_id varchar(63),
    status      varchar(20),
    version     bigint      not null,
    deleted     boolean     not null
);

create table access_key (
    id               varchar(64) primary key,
    configuration_id varchar(40),
    status           varchar(20),
    version          bigint      not null,
    deleted          boolean     not null
);
create index access_key_configuration on access_key (configuration_id) where not deleted;
