-- Issue 16: why the gateway routed as it did. skipped: the candidates a request left out before (or, on its last
-- attempt, after) this attempt, [{model, providerKeyId, reason, detail}]; null when none was. auto_choice: why
-- aigw/auto chose its candidates, on the request's first attempt only. An event with attempt 0 (outcome 'skipped')
-- stands for a request whose every candidate was left out: no upstream call, no cost.
alter table usage_event add column skipped jsonb, add column auto_choice text;
