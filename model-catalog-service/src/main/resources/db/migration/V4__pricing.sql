-- Issue 15: every attempt has a price. Models gain the 1-hour cache-write and reasoning rates; providers gain
-- the default price of their pass-through models (a pricing object, as a model's; null = none set).
alter table model add column cache_write_1h_per_mtok numeric check (cache_write_1h_per_mtok >= 0);
alter table model add column reasoning_per_mtok numeric check (reasoning_per_mtok >= 0);
alter table provider add column default_pricing jsonb;
