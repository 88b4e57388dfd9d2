-- The views BI tools query. They are recreated every time the warehouse is opened, so a change
-- here needs no migration; the base tables behind them change only through migrations/.

-- Every event with its document, in time order; undated events last. `clause` is the part of the
-- sentence that states the event (a sentence may state several).
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
    e.status,
    e.trigger,
    substring(d.text, e.clause_start + 1, e.clause_end - e.clause_start) as clause,
    e.sentence,
    e.char_start,
    e.char_end,
    e.clause_start,
    e.clause_end,
    e.trigger_start,
    e.trigger_end,
    e.actors,
    e.locations,
    e.places,
    e.quantities,
    e.confidence,
    e.extractor_version
from events as e
join documents as d using (doc_id)
order by e.date_start nulls last, e.char_start, e.clause_start, e.doc_id, e.event_id;

-- How many events of each type and status (happened, planned, negated, possible) fall in each calendar
-- month (dated events only).
create or replace view monthly_event_counts as
with dated_events as (
    select cast(date_trunc('month', date_start) as date) as month, event_type, status
    from events
    where date_start is not null
)
select month, event_type, status, count(*) as count
from dated_events
group by month, event_type, status
order by month, event_type, status;

-- One row per actor of an event.
create or replace view event_actors as
select event_id, unnest(actors) as actor
from events;

-- One row per location of an event.
create or replace view event_locations as
select event_id, unnest(locations) as location
from events;

-- One row per place of an event: as the text writes it, and as the gazetteer resolves it (NULL where it
-- could not). An event whose places were never resolved (loaded before there was a gazetteer) lists its
-- locations, unresolved.
create or replace view event_places as
with place_lists as (
    select
        event_id,
        case
            when len(places) > 0 then places
            else list_transform(
                locations,
                lambda location: struct_pack(
                    name := location,
                    resolved := null::varchar,
                    country_code := null::varchar,
                    latitude := null::double,
                    longitude := null::double
                )
            )
        end as place_list
    from events
),
place_elements as (
    select event_id, unnest(place_list) as place
    from place_lists
)
select
    event_id,
    place.name as place,
    place.resolved as resolved_name,
    place.country_code as country_code,
    place.latitude as latitude,
    place.longitude as longitude
from place_elements;

-- One row per quantity stated with an event; qualifier says how the stated number relates to the true
-- one ("more than"), what says what is counted.
create or replace view event_quantities as
with quantity_elements as (
    select event_id, unnest(quantities) as quantity
    from events
)
select
    event_id,
    quantity.value as value,
    quantity.unit as unit,
    quantity.text as text,
    quantity.qualifier as qualifier,
    quantity.what as what
from quantity_elements;
