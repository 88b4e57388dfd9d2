-- Schema version 2: a run records which expectations failed and how many batches it refused whole
-- (a batch with too many failing rows, or a schema mismatch, is not loaded at all; see
-- warehouse/validate.py judge_batch). Additive: existing rows get NULL, old readers are unaffected.

alter table runs add column failed_expectations varchar[];
alter table runs add column batches_refused integer;
