-- Each review numbers its records 1, 2, 3 ... in the order they joined it, so a 12-record review shows "record 7",
-- not the global id. Existing records are numbered by when they were added.
alter table review_record add column record_number integer;
merge into review_record t
using (select id, row_number() over (partition by review_id order by added_at, id) as n from review_record) s
on t.id = s.id
when matched then update set record_number = s.n;
alter table review_record alter column record_number set not null;
create unique index review_record_number_unique on review_record (review_id, record_number);
