-- Issue 15: cache writes (5-minute and 1-hour) and where each attempt's cost came from; spend per configuration
-- (a configuration's budget is shared by its keys) is read by configuration and time.
alter table usage_event add column cache_write_tokens bigint not null default 0;
alter table usage_event add column cache_write_1h_tokens bigint not null default 0;
alter table usage_event add column cost_source varchar(32);
alter table usage_event alter column cost_usd type numeric(24, 12);
create index usage_event_configuration_time on usage_event (configuration_id, occurred_at);
