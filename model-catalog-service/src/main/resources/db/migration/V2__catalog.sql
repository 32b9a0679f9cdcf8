-- Providers and models of the catalog. Prices are exact decimals (USD per million tokens / per request).
create table provider (
    id                        varchar(63)   primary key,
    display_name              varchar(200)  not null,
    base_url                  varchar(2048) not null,
    auth_scheme               varchar(20)   not null,
    extra_headers             jsonb         not null default '{}',
    built_in                  boolean       not null default false,
    key_required              boolean       not null default true,
    allow_pass_through_models boolean       not null default true,
    website                   varchar(2048),
    status                    varchar(20)   not null default 'active',
    surfaces                  text[]        not null default '{}',
    version                   bigint        not null default 0, -- Hibernate @Version; the API shows version + 1
    created_at                timestamptz   not null default now(),
    updated_at                timestamptz   not null default now()
);

create table model (
    id                     varchar(320)  primary key,          -- <providerId>:<modelId>, the canonical address
    provider_id            varchar(63)   not null references provider (id),
    model_id               varchar(256)  not null,
    provider_model_id      varchar(256),
    display_name           varchar(300)  not null,
    bare_id                boolean       not null default false,
    aliases                text[]        not null default '{}',
    context_length         integer,
    max_output_tokens      integer,
    input_modalities       text[]        not null default '{text}',
    output_modalities      text[]        not null default '{text}',
    surfaces               text[]        not null default '{}',
    unsupported_parameters text[]        not null default '{}',
    input_per_mtok         numeric check (input_per_mtok >= 0),
    output_per_mtok        numeric check (output_per_mtok >= 0),
    cached_input_per_mtok  numeric check (cached_input_per_mtok >= 0),
    cache_write_per_mtok   numeric check (cache_write_per_mtok >= 0),
    per_request            numeric check (per_request >= 0),
    status                 varchar(20)   not null default 'active',
    version                bigint        not null default 0, -- Hibernate @Version; the API shows version + 1
    created_at             timestamptz   not null default now(),
    updated_at             timestamptz   not null default now(),
    constraint model_provider_model_unique unique (provider_id, model_id)
);

-- Every name addressable without a provider prefix: a model's id (when bare_id) and its aliases.
-- The primary key on the lower-cased name makes bare-id resolution unambiguous by construction.
create table bare_name (
    name_lower varchar(256) primary key,
    name       varchar(256) not null,
    model_ref  varchar(320) not null references model (id) on delete cascade,
    is_alias   boolean      not null,
    constraint bare_name_lower check (name_lower = lower(name))
);
create index bare_name_model_ref on bare_name (model_ref);

-- Keeps bare_name in step with model, for the service and for seed migrations alike.
create function model_sync_bare_names() returns trigger language plpgsql as $$
begin
    delete from bare_name where model_ref = new.id;
    if new.bare_id then
        insert into bare_name (name_lower, name, model_ref, is_alias) values (lower(new.model_id), new.model_id, new.id, false);
        insert into bare_name (name_lower, name, model_ref, is_alias)
            select lower(a), a, new.id, true from unnest(new.aliases) as a;
    end if;
    return new;
end $$;

create trigger model_bare_names after insert or update of bare_id, aliases, model_id on model
    for each row execute function model_sync_bare_names();
