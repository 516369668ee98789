-- The order a review's queue serves records in: RELEVANCE (the model trained on the review's decisions ranks them,
-- once there is an include and an exclude to learn from) or IMPORT (the order records joined the review).
alter table review add column queue_order varchar(16) default 'RELEVANCE' not null;
