-- What each score node of a decision's flow estimated (PD by node id): internal figures (C1),
-- kept in clear so that monitoring can follow score distributions without opening applications.
alter table decisions add column scores json;
