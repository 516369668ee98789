-- Up to when each member has been told about each review's new records. Kept per member and review, not once
-- for the whole run: a member whose mail failed, or who had no address yet, hears about the same records next
-- time instead of losing them, and a restart never resends.
create sequence digest_mark_seq start with 1 increment by 50;
create table digest_mark (
    id        bigint primary key,
    review_id bigint       not null references review (id) on delete cascade,
    username  varchar(100) not null,
    up_to     timestamp(6) with time zone not null,
    constraint digest_mark_unique unique (review_id, username)
);
