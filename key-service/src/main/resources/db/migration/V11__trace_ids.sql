-- Issue 18: the W3C trace id of the request's trace (32 hex digits) when the gateway traced it, else null; and the
-- writing request's traceparent on each outbox row (the relay continues the trace into Kafka).
alter table usage_event add column trace_id varchar(32);
alter table outbox_event add column trace_parent varchar(55);
