-- An admin can disable an account: it keeps its name and history, and cannot sign in until enabled again.
alter table app_user add column disabled boolean not null default false;
