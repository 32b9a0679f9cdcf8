-- Issue 19: one index fewer per ledger row. The primary key moves from (event_id) to (occurred_at, event_id), which
-- also serves every query the separate (occurred_at, event_id) index served (time ranges, newest-first pages, the
-- overview): four indexes per row instead of five. Idempotency holds: a redelivered event (Kafka, or the gateway's
-- spool replayed) is the same record, so it has the same occurred_at and event_id and conflicts as before. A key that
-- leads with occurred_at is also what partitioning the ledger by day needs (a partitioned table's unique keys must
-- hold the partition key). On a large ledger the new key is built while the table is locked: the ledger's consumer
-- waits, usage events wait in Kafka meanwhile, none is lost.
alter table usage_event drop constraint usage_event_pkey;
drop index usage_event_time;
alter table usage_event add constraint usage_event_pkey primary key (occurred_at, event_id);
