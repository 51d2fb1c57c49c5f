-- The OpenTelemetry trace a decision was made in, so an operator goes from a decision to its spans.
alter table decisions add column trace_id text;
