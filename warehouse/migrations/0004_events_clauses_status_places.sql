-- Schema version 4: an event is a clause. events gains status, the clause's and the trigger's offsets and
-- the resolved places; each quantity gains qualifier ("more than") and what (what is counted).
--
-- Values for the rows loaded before (an older extractor, which knew none of this; a new extractor version
-- re-extracts their documents on the next run anyway, so these stand only until then):
--   status                     'happened': what every row claimed before statuses existed.
--   clause_start, clause_end   the evidence's own span (char_start, char_end): the old extractor's
--                              evidence was already the clause it cut out, and the clause lies inside it.
--   trigger_start, trigger_end the empty span at char_start: the old rows never recorded where their
--                              trigger is, and searching the sentence for its text could point at another
--                              occurrence of the word; an empty span says "not located" and is no guess.
--   places                     empty: nothing was resolved against a gazetteer.
--   quantities                 the same values, unit and text, with qualifier and what NULL (not read).
--
-- How: the table is rebuilt in the migration's one transaction, as 0003 did. DuckDB 1.5 can change the
-- quantities type in place (alter ... type ... using list_transform(...)), but it cannot add a column
-- with a NOT NULL constraint, and adding the places column with a default fails inside DuckDB ("requires
-- a flat vector") on tables of a few thousand rows; a rebuild is one pass over the rows, written to disk
-- as it goes, and puts the new columns where schemas/tables.py declares them (the clause and trigger
-- offsets after the evidence's, status before event_type, places after locations). Views are bound by
-- name when queried: the old ones keep working until Warehouse.open recreates them from views.sql.

create table events_rebuilt (
    event_id varchar not null,
    doc_id varchar not null,
    source_name varchar not null,
    language varchar not null,
    sentence varchar not null,
    char_start integer not null,
    char_end integer not null,
    clause_start integer not null,
    clause_end integer not null,
    trigger_start integer not null,
    trigger_end integer not null,
    status varchar not null,
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
    places struct(name varchar, resolved varchar, country_code varchar, latitude double, longitude double)[] not null,
    quantities struct(value double, unit varchar, text varchar, qualifier varchar, what varchar)[] not null,
    confidence double not null,
    extractor_version varchar not null
);

insert into events_rebuilt (event_id, doc_id, source_name, language, sentence, char_start, char_end, clause_start, clause_end, trigger_start, trigger_end, status, event_type, trigger, date_text, date_value, date_start, date_end, date_precision, date_source, actors, locations, places, quantities, confidence, extractor_version)
select
    event_id,
    doc_id,
    source_name,
    language,
    sentence,
    char_start,
    char_end,
    char_start as clause_start,
    char_end as clause_end,
    char_start as trigger_start,
    char_start as trigger_end,
    'happened' as status,
    event_type,
    trigger,
    date_text,
    date_value,
    date_start,
    date_end,
    date_precision,
    date_source,
    actors,
    locations,
    []::struct(name varchar, resolved varchar, country_code varchar, latitude double, longitude double)[] as places,
    list_transform(
        quantities,
        lambda q: case when q is not null then struct_pack(
            value := q['value'], unit := q['unit'], text := q['text'],
            qualifier := null::varchar, what := null::varchar
        ) end
    ) as quantities,
    confidence,
    extractor_version
from events;
drop table events;
alter table events_rebuilt rename to events;
