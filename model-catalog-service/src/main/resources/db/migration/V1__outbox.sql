-- Transactional outbox: a change and its event are written in one transaction;
-- the relay publishes rows in seq order and marks them published.
create table outbox_event (
    seq          bigserial    primary key,
    event_id     uuid         not null unique,
    topic        varchar(100) not null,
    aggregate_id varchar(200) not null,
    payload      jsonb        not null,
    created_at   timestamptz  not null default now(),
    published_at timestamptz
);

create index outbox_event_unpublished on outbox_event (seq) where published_at is null;
