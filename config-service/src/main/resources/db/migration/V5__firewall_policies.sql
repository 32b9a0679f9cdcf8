-- Firewall policies (issue 17): the document (mode, onError, rules) is JSONB like a configuration's.
-- Configurations name them in document->'firewall'->'policies'; the gateway settings' baseline in
-- document->>'firewallPolicyId'. A delete is refused (409) while either names the policy.
create table firewall_policy (
    id         varchar(40)  primary key,
    name       varchar(100) not null,
    document   jsonb        not null,
    version    bigint       not null,
    created_at timestamptz  not null,
    updated_at timestamptz  not null,
    constraint firewall_policy_name_unique unique (name)
);
