"""Plain records passed between the pipeline's stages.

Every transform takes and returns these; none of them does I/O. Dates are `datetime.date`,
periods are inclusive `[start, end]`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

# The value sets and the Rejection record live in schemas/ (the vocabulary the warehouse validates
# against); they are re-exported here for the transforms that build records.
from schemas.vocabulary import (  # noqa: F401
    DATE_SOURCES,
    PRECISIONS,
    PUBLISHED_SOURCES,
    QUALIFIERS,
    STATUSES,
    Rejection,
)


@dataclass(frozen=True, slots=True)
class Period:
    """A span of calendar days with an honest precision. `start`/`end` are None when unknown."""

    start: dt.date | None
    end: dt.date | None
    precision: str = "unknown"

    @property
    def known(self) -> bool:
        return self.start is not None and self.end is not None


UNKNOWN_PERIOD = Period(None, None, "unknown")


@dataclass(frozen=True, slots=True)
class Published:
    """A document's own date (its creation time), and where it was found."""

    start: dt.date | None = None
    end: dt.date | None = None
    precision: str = "unknown"
    source: str = "unknown"  # one of PUBLISHED_SOURCES

    @property
    def known(self) -> bool:
        return self.start is not None and self.end is not None


@dataclass(frozen=True, slots=True)
class RawSource:
    """What discovery hands to parsing: the bytes (or text, for JSON Lines) and metadata of one document."""

    source_name: str  # file name shown to users, e.g. 000_644458f05d8138fc.txt (jsonl: file.jsonl#id)
    source_key: str  # stable identity of the source (path, or path#line-id): a changed text replaces its doc
    kind: str  # txt | md | html | jsonl
    data: bytes | str  # raw bytes of a file, or the text of a JSON Lines record
    meta: dict = field(
        default_factory=dict
    )  # sidecar / JSON Lines fields: id, title, url, published, language


@dataclass(frozen=True, slots=True)
class Document:
    doc_id: str  # sha256 of the normalised text (hex, first 32 chars)
    source_name: str
    source_key: str
    text: str  # the story text: date marker stripped, encoding repaired
    title: str | None
    language: str  # ISO 639-1
    published: Published
    content_sha256: str  # sha256 of the raw input bytes
    url: str | None = None


@dataclass(frozen=True, slots=True)
class Timex:
    """A temporal expression: TIMEX3 type and value, and the calendar period it denotes."""

    start: int  # character offsets into the text, end exclusive
    end: int
    text: str
    type: str  # DATE | TIME | DURATION | SET
    value: str  # TIMEX3 value: 2024-11-21, 2024-Q3, P3D, PAST_REF, XXXX-12-10, ...
    date_start: dt.date | None = None
    date_end: dt.date | None = None
    precision: str = "unknown"  # one of PRECISIONS
    source: str = "unresolved"  # explicit | relative_to_dct | unresolved
    mod: str | None = None  # TimeML mod: START, MID, END, BEFORE, AFTER, ON_OR_AFTER, ...
    parts: tuple[Timex, ...] = ()  # the TimeML-sized pieces of a range ("van 2021 tot en met 2024")

    @property
    def dated(self) -> bool:
        return self.date_start is not None and self.date_end is not None


@dataclass(frozen=True, slots=True)
class Quantity:
    value: float
    unit: str  # people, EUR, GBP, USD, percent, countries, ... or "" when only a count
    text: str
    qualifier: str | None = None  # one of QUALIFIERS ("meer dan" is "more than"), None when exact
    what: str | None = None  # what is counted, as the text says it ("migranten", "suspects")


@dataclass(frozen=True, slots=True)
class Place:
    """A place an event happened in, as the text names it and as the gazetteer resolves it."""

    name: str  # as written ("Londen")
    resolved: str | None = None  # the gazetteer's name ("London"); None when not found
    country_code: str | None = None  # ISO 3166-1 alpha-2 ("GB")
    latitude: float | None = None
    longitude: float | None = None


@dataclass(frozen=True, slots=True)
class Event:
    event_id: str
    doc_id: str
    source_name: str
    language: str
    sentence: str
    char_start: int
    char_end: int
    event_type: str
    trigger: str
    date_text: str | None
    date_value: str | None  # the TIMEX3 value of date_text (2024-Q3, 2025-05, PRESENT_REF)
    date_start: dt.date | None
    date_end: dt.date | None
    date_precision: str
    date_source: str
    actors: tuple[str, ...]
    locations: tuple[str, ...]
    quantities: tuple[Quantity, ...]
    confidence: float
    extractor_version: str
    # Clause-level events: the clause of `sentence` that states the event, and the trigger (document
    # offsets, end exclusive). `char_start`/`char_end` are the whole sentence's.
    status: str = "happened"  # one of STATUSES
    clause_start: int = 0
    clause_end: int = 0
    trigger_start: int = 0
    trigger_end: int = 0
    places: tuple[Place, ...] = ()  # the locations resolved against the gazetteer, in the same order
