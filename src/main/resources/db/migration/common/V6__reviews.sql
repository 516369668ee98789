-- Reviews and title/abstract screening: members, the records of each review, every reviewer's decision,
-- and the history of everything done to a record.
create sequence review_seq start with 1 increment by 50;
create table review (
    id                 bigint primary key,
    name               varchar(300)  not null,
    question           varchar(4000),
    inclusion_criteria varchar(8000),
    exclusion_criteria varchar(8000),
    include_words      varchar(8000),
    exclude_words      varchar(8000),
    exclusion_reasons  varchar(8000) not null,
    tag_vocabulary     varchar(8000),
    screening_mode     varchar(10)   not null,
    blind              boolean       not null default true,
    query              varchar(8000),
    created_by         varchar(100)  not null,
    created_at         timestamp(6) with time zone not null,
    updated_at         timestamp(6) with time zone not null,
    version            integer       not null default 0
);

create sequence review_member_seq start with 1 increment by 50;
create table review_member (
    id        bigint primary key,
    review_id bigint       not null references review (id) on delete cascade,
    username  varchar(100) not null,
    role      varchar(10)  not null,
    constraint review_member_unique unique (review_id, username)
);

create sequence review_record_seq start with 1 increment by 50;
create table review_record (
    id              bigint primary key,
    review_id       bigint       not null references review (id) on delete cascade,
    article_id      bigint       not null references article (id),
    origin          varchar(10)  not null,
    removed         boolean      not null default false,
    added_at        timestamp(6) with time zone not null,
    decision_count  integer      not null default 0,
    status          varchar(20)  not null,
    final_decision  varchar(10),
    final_reason    varchar(300),
    resolved_by     varchar(100),
    resolved_at     timestamp(6) with time zone,
    resolution_note varchar(4000),
    version         integer      not null default 0,
    constraint review_record_unique unique (review_id, article_id)
);
create index review_record_queue on review_record (review_id, removed, decision_count, id);
create index review_record_status on review_record (review_id, status);

create sequence screening_decision_seq start with 1 increment by 50;
create table screening_decision (
    id         bigint primary key,
    record_id  bigint       not null references review_record (id) on delete cascade,
    review_id  bigint       not null references review (id) on delete cascade,
    reviewer   varchar(100) not null,
    decision   varchar(10)  not null,
    reason     varchar(300),
    note       varchar(4000),
    decided_at timestamp(6) with time zone not null,
    constraint screening_decision_unique unique (record_id, reviewer)
);
create index screening_decision_reviewer on screening_decision (review_id, reviewer, decided_at);

create sequence review_event_seq start with 1 increment by 50;
create table review_event (
    id         bigint primary key,
    review_id  bigint        not null references review (id) on delete cascade,
    record_id  bigint,
    actor      varchar(100)  not null,
    at         timestamp(6) with time zone not null,
    kind       varchar(20)   not null,
    before_value varchar(4000),
    after_value  varchar(4000)
);
create index review_event_record on review_event (record_id, at);
create index review_event_review on review_event (review_id, at);
