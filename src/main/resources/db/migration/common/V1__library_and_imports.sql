-- The corpus (library) and the history of imports. Portable SQL: H2 (default) and PostgreSQL.

create sequence article_seq start with 1 increment by 50;
create sequence import_run_seq start with 1 increment by 50;
create sequence import_error_seq start with 1 increment by 50;
create sequence article_event_seq start with 1 increment by 50;

create table import_run (
    id              bigint primary key,
    file_name       varchar(1000) not null,
    format          varchar(40),
    trigger_type    varchar(20)   not null,
    status          varchar(20)   not null,
    started_at      timestamp(6) with time zone not null,
    finished_at     timestamp(6) with time zone,
    records_read    integer       not null default 0,
    created_count   integer       not null default 0,
    updated_count   integer       not null default 0,
    unchanged_count integer       not null default 0,
    withdrawn_count integer       not null default 0,
    failed_count    integer       not null default 0,
    message         varchar(4000)
);
create index import_run_started on import_run (started_at);

create table import_error (
    id            bigint primary key,
    run_id        bigint        not null references import_run (id) on delete cascade,
    record_number integer       not null,
    pmid          varchar(20),
    message       varchar(2000) not null
);
create index import_error_run on import_error (run_id, record_number);

create table article (
    id               bigint primary key,
    pmid             varchar(20)    not null,
    pmid_version     integer        not null default 1,
    doi              varchar(500),
    title            varchar(100000) not null,
    title_html       varchar(100000) not null,
    vernacular_title varchar(100000),
    journal          varchar(2000),
    journal_abbrev   varchar(500),
    issn             varchar(20),
    pub_year         integer,
    pub_date         varchar(100),
    volume           varchar(100),
    issue            varchar(200),
    pages            varchar(200),
    languages        varchar(200),
    book             boolean        not null default false,
    content_hash     varchar(64)    not null,
    withdrawn        boolean        not null default false,
    withdrawn_at     timestamp(6) with time zone,
    created_at       timestamp(6) with time zone not null,
    updated_at       timestamp(6) with time zone not null,
    last_run_id      bigint references import_run (id),
    version          integer        not null default 0,
    constraint article_pmid_unique unique (pmid)
);
create index article_doi on article (doi);
create index article_updated on article (updated_at);

create table article_abstract_section (
    article_id   bigint  not null references article (id) on delete cascade,
    position     integer not null,
    label        varchar(500),
    nlm_category varchar(100),
    text         varchar(1000000) not null,
    html         varchar(1000000) not null,
    primary key (article_id, position)
);

create table article_author (
    article_id      bigint  not null references article (id) on delete cascade,
    position        integer not null,
    last_name       varchar(500),
    fore_name       varchar(500),
    initials        varchar(50),
    collective_name varchar(2000),
    affiliations    varchar(100000),
    primary key (article_id, position)
);

create table article_mesh (
    article_id bigint       not null references article (id) on delete cascade,
    position   integer      not null,
    descriptor varchar(500) not null,
    major      boolean      not null,
    qualifiers varchar(2000),
    primary key (article_id, position)
);

create table article_publication_type (
    article_id bigint       not null references article (id) on delete cascade,
    position   integer      not null,
    name       varchar(500) not null,
    primary key (article_id, position)
);

create table article_keyword (
    article_id bigint        not null references article (id) on delete cascade,
    position   integer       not null,
    keyword    varchar(2000) not null,
    primary key (article_id, position)
);

create table article_identifier (
    article_id bigint        not null references article (id) on delete cascade,
    position   integer       not null,
    id_type    varchar(50)   not null,
    id_value   varchar(1000) not null,
    primary key (article_id, position)
);

-- Every change an import made to an article: its history. Nothing is deleted.
create table article_event (
    id         bigint primary key,
    article_id bigint      not null references article (id) on delete cascade,
    run_id     bigint      references import_run (id),
    action     varchar(20) not null,
    at         timestamp(6) with time zone not null
);
create index article_event_article on article_event (article_id, at);
