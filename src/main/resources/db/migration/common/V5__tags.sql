-- Tags reviewers give studies (design, cortical target, modality, frequency, sessions, intensity, condition),
-- and every change made to them, with who, when, before and after.
create table article_tag (
    article_id bigint       not null references article (id) on delete cascade,
    dimension  varchar(40)  not null,
    tag_value  varchar(100) not null,
    primary key (article_id, dimension, tag_value)
);
create index article_tag_value on article_tag (dimension, tag_value);

create sequence tag_change_seq start with 1 increment by 50;
create table tag_change (
    id         bigint primary key,
    article_id bigint        not null references article (id) on delete cascade,
    review_id  bigint,
    dimension  varchar(40)   not null,
    before_values varchar(2000) not null,
    after_values  varchar(2000) not null,
    actor      varchar(100)  not null,
    at         timestamp(6) with time zone not null
);
create index tag_change_article on tag_change (article_id, at);
