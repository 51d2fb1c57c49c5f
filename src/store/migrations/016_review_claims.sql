-- A reviewer takes a case before working it, so two people do not work the same one; a claim
-- left for longer than the claim period lapses and anyone may take the case.
alter table reviews add column claimed_by text;
alter table reviews add column claimed_at timestamptz;
