-- Issue 17: the firewall rules that matched for an attempt ([{policyId, ruleId, tier, action, target, type}]), never
-- the matched text; null when none did.
alter table usage_event add column firewall jsonb;
