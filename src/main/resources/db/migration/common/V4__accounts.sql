-- People who use CortexLit: admins, reviewers, readers. Passwords are bcrypt hashes.
create sequence app_user_seq start with 1 increment by 50;

create table app_user (
    id         bigint primary key,
    username   varchar(100) not null,
    password   varchar(200) not null,
    role       varchar(20)  not null,
    created_at timestamp(6) with time zone not null,
    constraint app_user_username_unique unique (username)
);
