-- A decision's note (up to 4,000 characters) with its reason, or a settings change with an 8,000-character query,
-- must fit in the history: before/after become as long as the longest thing they record.
alter table review_event alter column before_value set data type varchar(20000);
alter table review_event alter column after_value set data type varchar(20000);
