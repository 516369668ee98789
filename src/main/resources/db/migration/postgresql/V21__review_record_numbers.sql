-- Each review numbers its records 1, 2, 3 ... in the order they joined it, so a 12-record review shows "record 7",
-- not the global id. Existing records are numbered by when they were added.
alter table review_record add column record_number integer;
update review_record r set record_number = s.n
from (select id, row_number() over (partition by review_id order by added_at, id) as n from review_record) s
where r.id = s.id;
alter table review_record alter column record_number set not null;
create unique index review_record_number_unique on review_record (review_id, record_number);
