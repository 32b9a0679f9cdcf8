-- Access keys: only the public id, a keyed hash of the secret and a redacted form are stored.
create table access_key (
    id               varchar(40)  primary key,
    public_id        varchar(32)  not null unique,
    secret_hash      bytea        not null,
    redacted         varchar(80)  not null,
    name             varchar(200) not null,
    description      varchar(2000),
    metadata         text,
    configuration_id varchar(64),
    status           varchar(16)  not null,
    expires_at       timestamptz,
    last_used_at     timestamptz,
    created_at       timestamptz  not null,
    updated_at       timestamptz  not null,
    version          bigint       not null
);
create index access_key_listing on access_key (created_at, id);
create index access_key_configuration on access_key (configuration_id);

-- Provider keys (BYOK vault): the value is encrypted under a per-row data key (AES-256-GCM);
-- the data key is wrapped by the master key named in master_key_id.
create table provider_key (
    id               varchar(40)  primary key,
    provider_id      varchar(63)  not null,
    name             varchar(200) not null,
    description      varchar(2000),
    metadata         text,
    redacted         varchar(80)  not null,
    status           varchar(16)  not null,
    encrypted_value  bytea        not null,
    wrapped_data_key bytea        not null,
    master_key_id    varchar(64)  not null,
    created_at       timestamptz  not null,
    updated_at       timestamptz  not null,
    version          bigint       not null
);
create index provider_key_listing on provider_key (created_at, id);
create index provider_key_provider on provider_key (provider_id);
