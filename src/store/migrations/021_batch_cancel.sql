-- A batch can be cancelled: its chunks not yet decided are dropped with their applications
-- (rows and data key destroyed); rows already decided keep their decisions.
alter table batches drop constraint batches_status_check;
alter table batches add constraint batches_status_check check (status in ('running', 'done', 'cancelled'));
alter table batches add column cancelled_by text;
alter table batch_chunks drop constraint batch_chunks_status_check;
alter table batch_chunks add constraint batch_chunks_status_check check (status in ('queued', 'running', 'done', 'cancelled'));
drop index batch_chunks_open;
create index batch_chunks_open on batch_chunks (status, lease_until) where status in ('queued', 'running');
