-- Admin tokens issued by POST /admin/v1/admin-tokens: stored like access keys (keyed hash only).
create table admin_token (
    id          varchar(40)  primary key,
    public_id   varchar(32)  not null unique,
    secret_hash bytea        not null,
    redacted    varchar(80)  not null,
    name        varchar(200) not null,
    status      varchar(16)  not null,
    expires_at  timestamptz,
    created_at  timestamptz  not null,
    updated_at  timestamptz  not null,
    version     bigint       not null
);
create index admin_token_listing on admin_token (created_at, id);
