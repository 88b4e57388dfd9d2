-- Schema version 1: the tables declared in schemas/tables.py, generated once from
-- schemas.ddl.schema_sql(). Never edit an applied migration: add 0002_<name>.sql instead.
-- The schema_migrations bookkeeping table is created by warehouse/migrate.py, not here.

create table documents (
    doc_id varchar primary key,
    source_name varchar not null,
    source_key varchar not null,
    title varchar,
    url varchar,
    language varchar not null,
    published_start date,
    published_end date,
    published_precision varchar not null,
    published_source varchar not null,
    char_count integer not null,
    content_sha256 varchar not null,
    ingested_at timestamp not null,
    extractor_version varchar not null,
    text varchar not null
);

create table events (
    event_id varchar primary key,
    doc_id varchar not null,
    source_name varchar not null,
    language varchar not null,
    sentence varchar not null,
    char_start integer not null,
    char_end integer not null,
    event_type varchar not null,
    trigger varchar not null,
    date_text varchar,
    date_value varchar,
    date_start date,
    date_end date,
    date_precision varchar not null,
    date_source varchar not null,
    actors varchar[] not null,
    locations varchar[] not null,
    quantities struct(value double, unit varchar, text varchar)[] not null,
    confidence double not null,
    extractor_version varchar not null
);

create table rejected (
    rejected_id varchar primary key,
    run_id varchar not null,
    source_name varchar not null,
    source_key varchar,
    doc_id varchar,
    stage varchar not null,
    reason varchar not null,
    detail varchar,
    rejected_at timestamp not null
);

create table runs (
    run_id varchar primary key,
    started_at timestamp not null,
    finished_at timestamp,
    status varchar not null,
    inputs varchar,
    extractor_version varchar not null,
    documents_seen integer not null,
    documents_skipped integer not null,
    documents_loaded integer not null,
    documents_rejected integer not null,
    events_loaded integer not null,
    events_dated integer not null,
    events_undated integer not null,
    events_rejected integer not null,
    validation_success boolean,
    seconds_ingest double,
    seconds_extract double,
    seconds_validate double,
    seconds_load double,
    seconds_export double,
    seconds_total double
);
