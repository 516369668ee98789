-- Searches team members keep for themselves, with when they last looked, so the app can say what is new.
create sequence user_search_seq start with 1 increment by 50;
create table user_search (
    id             bigint primary key,
    username       varchar(100)  not null,
    name           varchar(200)  not null,
    query          varchar(8000) not null,
    created_at     timestamp(6) with time zone not null,
    last_looked_at timestamp(6) with time zone not null,
    constraint user_search_unique unique (username, name)
);
