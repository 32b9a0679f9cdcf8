-- Projection of the catalog's virtual models (catalog-changes, kind virtual-model): an access scope may allow one by
-- name. Only the name is kept: the gateway checks each target against the scope at request time.
create table catalog_virtual_model (
    id      varchar(200) primary key, -- the name as the catalog spells it
    version bigint       not null,
    deleted boolean      not null
);
create index catalog_virtual_model_lower_id on catalog_virtual_model (lower(id));
