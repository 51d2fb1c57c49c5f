-- Stored models, DMN models and connectors are approved for use by a second person, as flows
-- are released: a flow is released only when everything it names is approved. Versions stored
-- before this were in use already, and count as approved.
alter table model_versions add column approved_by text, add column approved_at timestamptz;
alter table dmn_model_versions add column approved_by text, add column approved_at timestamptz;
alter table connector_versions add column approved_by text, add column approved_at timestamptz;
update model_versions set approved_by = 'migration 026', approved_at = now();
update dmn_model_versions set approved_by = 'migration 026', approved_at = now();
update connector_versions set approved_by = 'migration 026', approved_at = now();

alter table releases drop constraint releases_subject_type_check;
alter table releases add constraint releases_subject_type_check check (subject_type in ('flow', 'model', 'dmn_model', 'connector'));
alter table releases drop constraint releases_action_check;
alter table releases add constraint releases_action_check check (action in ('publish', 'rollback', 'approve'));
