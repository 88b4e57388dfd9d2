-- Schema version 5: a run records where Great Expectations' Data Docs of its validation are (pages
-- under DATA_DIR/validation/, paths relative to the data dir). Additive: older runs get NULL.

alter table runs add column validation_docs varchar[];
