-- One row per configuration that access keys are bound to (config-service owns configurations). A write that binds
-- a key holds the row FOR SHARE until it commits; config-service's delete asks for the referrers, which takes the
-- row FOR UPDATE first: a binding and the configuration's delete can never both win.
create table reference_guard (
    kind varchar(32)  not null,
    id   varchar(200) not null,
    primary key (kind, id)
);
