-- Suggested tags (org.cortexlit.suggest) are stored with the article: the suggester's result as JSON and the
-- version of the rules that made it. Rows of an older version, or none, are recomputed in the background at start
-- (library.SuggestionRefresh), which records each version it finished in suggestion_refresh.
-- One statement per table: H2 copies the whole table for each ALTER TABLE ... ADD.
alter table article add (
    suggestions_json    varchar(1000000),
    suggestions_version integer
);

-- A tag change says whether it accepted the suggestion and what was suggested, for the history's
-- "accepted suggestion" and "changed from suggested X".
alter table tag_change add (
    accepted_suggestion boolean default false not null,
    suggested_values    varchar(2000)
);

create table suggestion_refresh (
    version     integer primary key,
    finished_at timestamp(6) with time zone not null,
    articles    bigint not null
);
