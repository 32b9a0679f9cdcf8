-- Issue 16: virtual models. A name (unique case-insensitively) stands for an ordered list of targets,
-- each `provider:model` or a bare catalog id ("any provider that serves it").
create table virtual_model (
    name        varchar(128)  primary key,
    description varchar(1000),
    targets     text[]        not null,
    version     bigint        not null default 0, -- Hibernate @Version; the API shows version + 1
    created_at  timestamptz   not null default now(),
    updated_at  timestamptz   not null default now()
);
create unique index virtual_model_name_lower on virtual_model (lower(name));
