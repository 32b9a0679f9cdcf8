-- Outbox rows that Kafka keeps refusing (service-kit OutboxRelay): counted per row, moved to the dead letters
-- after aigw.kit.outbox.max-attempts, so that the events after them keep flowing.
alter table outbox_event add column attempts int not null default 0;
alter table outbox_event add column last_error text;

create table outbox_dead_letter (
    seq          bigint       primary key,
    event_id     uuid         not null,
    topic        varchar(100) not null,
    aggregate_id varchar(200) not null,
    payload      jsonb        not null,
    created_at   timestamptz  not null,
    attempts     int          not null,
    last_error   text,
    dead_at      timestamptz  not null default now()
);
