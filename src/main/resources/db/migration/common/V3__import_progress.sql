-- How far a running import has got: records expected (when known) and per mille of the input read.
alter table import_run add column records_expected integer;
alter table import_run add column progress_permille integer;
