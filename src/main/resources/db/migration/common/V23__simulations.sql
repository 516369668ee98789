-- Simulations of prioritised screening run over uploaded labelled CSV files (org.cortexlit.simulate). They read
-- nothing of the corpus or the reviews and write only here. Portable SQL: H2 (default) and PostgreSQL.
-- curve: compact JSON [[screened, found], ...] holding only the points where found rises (and the last record); the
-- full curve, one point per record, follows from them. varchar(1000000) is H2's largest string; 20,000 records
-- (cortexlit.simulations.max-records) need at most about 240,000 characters.
create sequence simulation_seq start with 1 increment by 50;
create table simulation (
    id            bigint primary key,
    status        varchar(20)   not null,
    dataset       varchar(300),
    file_name     varchar(1000) not null,
    records       integer       not null,
    relevant      integer       not null,
    seed          bigint        not null,
    model         varchar(100)  not null,
    screened_at95 integer,
    wss95         double precision,
    wss100        double precision,
    rrf10         double precision,
    curve         varchar(1000000),
    error         varchar(4000),
    node          varchar(200),
    created_by    varchar(200),
    created_at    timestamp(6) with time zone not null,
    started_at    timestamp(6) with time zone,
    finished_at   timestamp(6) with time zone,
    millis        bigint
);
create index simulation_created on simulation (created_at);
create index simulation_status on simulation (status);
