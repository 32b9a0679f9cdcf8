-- Usage ledger: one row per upstream attempt from usage-events; event_id makes redelivery harmless.
create table usage_event (
    event_id            uuid          primary key,
    request_id          text          not null,
    access_key_id       varchar(40),
    configuration_id    varchar(64),
    provider_id         varchar(63),
    model_id            text,
    provider_key_id     varchar(64),
    surface             varchar(100),
    attempt             integer       not null,
    final               boolean       not null,
    status              integer,
    outcome             varchar(32),
    streaming           boolean       not null,
    input_tokens        bigint        not null,
    output_tokens       bigint        not null,
    cached_input_tokens bigint        not null,
    reasoning_tokens    bigint        not null,
    tokens_estimated    boolean       not null,
    cost_usd            numeric(20, 10) not null,
    latency_ms          bigint,
    time_to_first_token_ms bigint,
    occurred_at         timestamptz   not null,
    received_at         timestamptz   not null default now()
);
create index usage_event_time on usage_event (occurred_at, event_id);
create index usage_event_key_time on usage_event (access_key_id, occurred_at);
create index usage_event_request on usage_event (request_id, attempt);
