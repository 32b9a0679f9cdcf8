-- One row per aggregate of another service that configurations reference (today: provider keys). A write that adds a
-- reference holds the row FOR SHARE until it commits; the owner's delete asks for the referrers, which takes the row
-- FOR UPDATE first: a reference and a delete can never both win.
create table reference_guard (
    kind varchar(32)  not null,
    id   varchar(200) not null,
    primary key (kind, id)
);
