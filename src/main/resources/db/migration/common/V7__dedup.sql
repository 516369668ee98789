-- Records without a PMID (Embase, Scopus, Web of Science exports) get an internal id, and a record that
-- duplicates an article already in the corpus is stored linked to it. Portable SQL: H2 and PostgreSQL.

-- An article without a PMID is addressed as CL<id>; a unique constraint allows any number of nulls.
alter table article alter column pmid drop not null;

-- What the deduplication rules look up: DOI lower case without resolver, SHA-256 of the normalised title.
-- Filled for the articles already stored at the first start after this migration (DuplicateKeys).
alter table article add column doi_key varchar(500);
alter table article add column title_key varchar(64);
create index article_doi_key on article (doi_key);
create index article_title_key on article (title_key);

-- The record's id in the file it came from when that is not a PMID (RIS AN/ID, BibTeX key).
alter table article add column source_id varchar(500);
-- The run that first stored the record: its source, format and trigger, for PRISMA's "identified per source".
alter table article add column origin_run_id bigint;
update article set origin_run_id = (select min(e.run_id) from article_event e
                                    where e.article_id = article.id and e.action = 'CREATED');

-- A linked duplicate: the kept article it duplicates and the rule that matched (DOI or TITLE).
-- Linked records are stored in full but stay out of search.
alter table article add column duplicate_of bigint;
alter table article add column duplicate_rule varchar(20);
alter table article add constraint article_duplicate_of_fk foreign key (duplicate_of) references article (id);
create index article_duplicate_of on article (duplicate_of);

alter table import_run add column duplicates_count integer not null default 0;

-- A reviewer's decision that a linked record is not a duplicate of the article it was linked to.
create sequence duplicate_split_seq start with 1 increment by 50;
create table duplicate_split (
    id           bigint primary key,
    article_id   bigint      not null references article (id) on delete cascade,
    from_id      bigint      not null references article (id) on delete cascade,
    rule         varchar(20) not null,
    split_at     timestamp(6) with time zone not null,
    split_by     varchar(200)
);
create index duplicate_split_article on duplicate_split (article_id);
create index duplicate_split_from on duplicate_split (from_id);
