-- Several nodes on one database.
-- Every change to what search shows (an import batch, a tag, a withdrawal, a split) leaves a row here in the same
-- transaction, so every other node's index follows it (IndexFollower); rows older than a day are deleted. tx is
-- the writing transaction's id on PostgreSQL, which lets a follower read rows in commit-safe order.
create sequence index_change_seq start with 1 increment by 1;
create table index_change (
    id          bigint primary key,
    article_key varchar(30)  not null,
    node        varchar(200) not null,
    tx          bigint,
    created_at  timestamp(6) with time zone not null
);
create index index_change_tx on index_change (tx);
create index index_change_created on index_change (created_at);

-- A scheduled job (the digest) runs once per due time across the nodes: the node whose row lands first runs it.
create table job_claim (
    job        varchar(100) not null,
    due_at     timestamp(6) with time zone not null,
    node       varchar(200) not null,
    claimed_at timestamp(6) with time zone not null,
    primary key (job, due_at)
);

-- Which node runs an import: a node that restarts marks only its own unfinished runs as interrupted.
alter table import_run add column node varchar(200);
