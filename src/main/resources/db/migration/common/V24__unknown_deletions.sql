-- PMIDs a run's DeleteCitation lists withdrew that were not in the corpus: nothing changed for them, and the run
-- says so instead of leaving the reader to wonder why "withdrawn" is smaller than the file's list.
alter table import_run add column deletions_unknown integer default 0 not null;
