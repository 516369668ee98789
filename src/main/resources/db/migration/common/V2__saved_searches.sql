-- Saved PubMed searches run on a schedule through E-utilities, and where each import run came from.

create sequence saved_search_seq start with 1 increment by 50;

create table saved_search (
    id              bigint primary key,
    name            varchar(500)  not null,
    query           varchar(4000) not null,
    schedule        varchar(200)  not null,
    review_id       bigint,
    created_at      timestamp(6) with time zone not null,
    next_run_at     timestamp(6) with time zone,
    last_run_id     bigint,
    last_run_at     timestamp(6) with time zone,
    -- the end of the date window of the last run that completed: the next run searches from there
    last_success_to date,
    -- an unfinished window: the next run resumes it after the last page it completed
    pending_from    date,
    pending_to      date,
    pending_retstart integer
);

alter table import_run add column source varchar(4000);
alter table import_run add column saved_search_id bigint;
