"""Records → rows of the warehouse tables (plain dicts keyed by the column names in `schemas/`)."""

from __future__ import annotations

import datetime as dt
import hashlib

from transforms.model import Document, Event, Place, Quantity, Rejection


def document_row(doc: Document, ingested_at: dt.datetime, extractor_version: str) -> dict:
    p = doc.published
    return {
        "doc_id": doc.doc_id,
        "source_name": doc.source_name,
        "source_key": doc.source_key,
        "title": doc.title,
        "url": doc.url,
        "language": doc.language,
        "published_start": p.start,
        "published_end": p.end,
        "published_precision": p.precision if p.known else "unknown",
        "published_source": p.source if p.known else "unknown",
        "char_count": len(doc.text),
        "content_sha256": doc.content_sha256,
        "ingested_at": ingested_at,
        "extractor_version": extractor_version,
        "text": doc.text,
    }


def clause_and_trigger(e: Event) -> tuple[int, int, int, int]:
    """(clause_start, clause_end, trigger_start, trigger_end) of an event.

    An extractor that leaves them unset (the record's defaults, all 0) states the event by its whole
    sentence, whose clause is then the sentence itself, and has not located its trigger: an empty span at
    the clause's start says so (no guess at where the trigger's word is)."""
    clause = (e.clause_start, e.clause_end)
    if clause == (0, 0):
        clause = (e.char_start, e.char_end)
    trigger = (e.trigger_start, e.trigger_end)
    if trigger == (0, 0):
        trigger = (clause[0], clause[0])
    return (*clause, *trigger)


def quantity_row(q: Quantity) -> dict:
    return {"value": q.value, "unit": q.unit, "text": q.text, "qualifier": q.qualifier, "what": q.what}


def place_row(p: Place) -> dict:
    return {
        "name": p.name,
        "resolved": p.resolved,
        "country_code": p.country_code,
        "latitude": p.latitude,
        "longitude": p.longitude,
    }


def event_row(e: Event) -> dict:
    clause_start, clause_end, trigger_start, trigger_end = clause_and_trigger(e)
    return {
        "event_id": e.event_id,
        "doc_id": e.doc_id,
        "source_name": e.source_name,
        "language": e.language,
        "sentence": e.sentence,
        "char_start": e.char_start,
        "char_end": e.char_end,
        "event_type": e.event_type,
        "trigger": e.trigger,
        "date_text": e.date_text,
        "date_value": e.date_value,
        "date_start": e.date_start,
        "date_end": e.date_end,
        "date_precision": e.date_precision,
        "date_source": e.date_source,
        "actors": list(e.actors),
        "locations": list(e.locations),
        "quantities": [quantity_row(q) for q in e.quantities],
        "confidence": e.confidence,
        "extractor_version": e.extractor_version,
        "status": e.status,
        "clause_start": clause_start,
        "clause_end": clause_end,
        "trigger_start": trigger_start,
        "trigger_end": trigger_end,
        "places": [place_row(p) for p in e.places],
    }


def rejection_id(r: Rejection) -> str:
    """One row per distinct problem: the same bad file met again is not a new row."""
    key = f"{r.source_key or r.source_name}|{r.stage}|{r.reason}|{r.doc_id or ''}|{r.detail or ''}"
    return hashlib.sha256(key.encode("utf-8", "replace")).hexdigest()[:32]


def rejection_row(r: Rejection, run_id: str, at: dt.datetime) -> dict:
    return {
        "rejected_id": rejection_id(r),
        "run_id": run_id,
        "source_name": r.source_name,
        "source_key": r.source_key,
        "doc_id": r.doc_id,
        "stage": r.stage,
        "reason": r.reason,
        "detail": r.detail,
        "rejected_at": at,
    }
