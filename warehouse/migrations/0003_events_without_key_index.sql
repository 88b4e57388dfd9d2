-- Schema version 3: events loses its PRIMARY KEY constraint (event_id stays not null). DuckDB keeps the
-- constraint's index (ART) whole in memory, ~75 bytes an event that no memory limit can evict, so a
-- run's memory grew with the warehouse (see schemas/tables.py, Table.key_constraint). The loader keeps
-- event_id unique on its own. DuckDB cannot drop a constraint in place: the table is rebuilt, in the
-- migration's one transaction, and views (bound by name when queried) keep working.

create table events_rebuilt (
    event_id varchar not null,
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

insert into events_rebuilt (event_id, doc_id, source_name, language, sentence, char_start, char_end, event_type, trigger, date_text, date_value, date_start, date_end, date_precision, date_source, actors, locations, quantities, confidence, extractor_version)
select event_id, doc_id, source_name, language, sentence, char_start, char_end, event_type, trigger, date_text, date_value, date_start, date_end, date_precision, date_source, actors, locations, quantities, confidence, extractor_version from events;
drop table events;
alter table events_rebuilt rename to events;
