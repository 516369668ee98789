-- An e-mail address per account, for the weekly digest; optional: a user without one is simply not mailed.
alter table app_user add column email varchar(254);
