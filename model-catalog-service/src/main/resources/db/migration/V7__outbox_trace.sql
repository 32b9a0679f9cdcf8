-- Issue 18: the writing request's W3C traceparent (null when not traced); the relay continues the trace into Kafka.
alter table outbox_event add column trace_parent varchar(55);
