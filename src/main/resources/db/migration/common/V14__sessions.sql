-- Signed-in sessions, kept server-side: the browser holds a random token, the database its SHA-256 hash. Signing
-- out, a password change or an admin's reset deletes rows, and every node of a team sees the same sessions.
create table user_session (
    token_hash   varchar(64)  primary key,
    username     varchar(100) not null,
    csrf_token   varchar(64)  not null,
    created_at   timestamp(6) with time zone not null,
    last_seen_at timestamp(6) with time zone not null
);
create index user_session_user on user_session (username);
create index user_session_seen on user_session (last_seen_at);
