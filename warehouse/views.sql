-- The views BI tools query. They are recreated every time the warehouse is opened, so a change
-- here needs no migration; the base tables behind them change only through migrations/.

-- Every event with its document, in time order; undated events last.
create or replace view timeline as
select
    e.event_id,
    e.doc_id,
    d.source_name,
    d.title,
    d.url,
    d.published_start,
    d.published_end,
    d.published_precision,
    e.language,
    e.date_start,
    e.date_end,
    e.date_precision,
    e.date_source,
    e.date_text,
    e.date_value,
    e.event_type,
    e.trigger,
    e.sentence,
    e.char_start,
    e.char_end,
    e.actors,
    e.locations,
    e.quantities,
    e.confidence,
    e.extractor_version
from events as e
join documents as d using (doc_id)
order by e.date_start nulls last, e.char_start, e.doc_id, e.event_id;

-- How many events of each type happened per calendar month (dated events only).
create or replace view monthly_event_counts as
with dated_events as (
    select cast(date_trunc('month', date_start) as date) as month, event_type
    from events
    where date_start is not null
)
select month, event_type, count(*) as count
from dated_events
group by month, event_type
order by month, event_type;

-- One row per actor of an event.
create or replace view event_actors as
select event_id, unnest(actors) as actor
from events;

-- One row per location of an event.
create or replace view event_locations as
select event_id, unnest(locations) as location
from events;

-- One row per quantity stated with an event.
create or replace view event_quantities as
with quantity_elements as (
    select event_id, unnest(quantities) as quantity
    from events
)
select event_id, quantity.value as value, quantity.unit as unit, quantity.text as text
from quantity_elements;
