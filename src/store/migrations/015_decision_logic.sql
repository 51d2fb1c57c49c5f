-- A retraining program may also own the flow's PD cutoff: after a new model, the optimiser
-- proposes the cutoff under the lender's strategy, and the back-test judges both together.
alter table retrain_programs add column decision_logic jsonb;

-- What starts a run besides the monthly schedule and drift alerts: growth of the matured sample.
alter table retrain_programs add column triggers jsonb;
