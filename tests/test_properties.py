"""Reliability, item 7: properties of the temporal tagger and the event extractor on arbitrary text.

For any Unicode text, document date and language: no exception, offsets inside the text and matching
it, date_start <= date_end, every date inside the sane window, and the same output for the same input.
Arbitrary text rarely holds a date, so half the examples are built from date-like pieces in both languages.
"""

from __future__ import annotations

import datetime as dt

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from schemas.tables import DATE_WINDOW
from transforms.documents import compute_doc_id
from transforms.events import extract_events
from transforms.model import Document, Published
from transforms.temporal import tag

PIECES = [
    "31 februari 2024", "30 February", "het jaar 20245", "in 1066", "in het jaar 9999", "29 februari 2023",
    "29 februari 2024", "van 2024 tot 2021", "from 2024 to 2021", "tussen 2030 en 2020", "vorig jaar",
    "next week", "maandag", "last Friday", "op 10 december jl.", "in november 2021", "Q3 2024", "2024-13-45",
    "00-00-0000", "31/04/2025", "week 53", "de jaren '90", "in de 21e eeuw", "3 dagen geleden", "sinds 2021",
    "morgen", "gisteren", "Ende 2024", "1 januari 0001", "31 december 9999", "in 2101", "in 1899",
    "zomer 2024", "the first half of 2025", "eind vorig jaar", "2019-2023", "20 - 21 maart", "-2024",
    "minister", "sprak", "akkoord", "tekende", "36.800", "€ 118 miljoen", ".", ",", "\n", "\n\n", " ",
    "Հայաստան", "東京", "\u200b", "\ufeff", "\ufffd", "é", "İ", "ß", "ﬁ", "¾", "٣", "𝟚𝟘𝟚𝟜",
]  # fmt: skip
LANGUAGES = st.sampled_from(["nl", "en", "fr", "xx"])
dates = st.dates(min_value=dt.date(1000, 1, 1), max_value=dt.date(9999, 12, 31))


@st.composite
def publisheds(draw) -> Published | None:
    kind = draw(st.sampled_from(["none", "unknown", "day", "month", "year"]))
    if kind == "none":
        return None
    if kind == "unknown":
        return Published()
    day = draw(dates)
    if kind == "day":
        return Published(day, day, "day", "header")
    if kind == "month":
        start = day.replace(day=1)
        end = (start + dt.timedelta(days=32)).replace(day=1) - dt.timedelta(days=1)
        return Published(start, end, "month", "header")
    return Published(dt.date(day.year, 1, 1), dt.date(day.year, 12, 31), "year", "header")


texts = st.one_of(
    st.text(max_size=300),
    st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=8)), max_size=30).map(" ".join),
)
PROPERTY_SETTINGS = settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow], derandomize=True
)


def in_window(day: dt.date | None) -> bool:
    return day is None or DATE_WINDOW[0] <= day <= DATE_WINDOW[1]


@PROPERTY_SETTINGS
@given(text=texts, published=publisheds(), language=LANGUAGES)
def test_tagger_properties(text: str, published: Published | None, language: str) -> None:
    timexes = tag(text, published, language)
    for t in timexes:
        assert 0 <= t.start < t.end <= len(text), t
        assert text[t.start : t.end] == t.text, t
        assert (t.date_start is None) == (t.date_end is None) or t.date_end is None, t  # open end allowed
        if t.date_start is not None and t.date_end is not None:
            assert t.date_start <= t.date_end, t
    assert tag(text, published, language) == timexes  # deterministic


def document(text: str, published: Published | None, language: str) -> Document:
    return Document(
        doc_id=compute_doc_id(text), source_name="p.txt", source_key="p.txt", text=text, title=None,
        language=language, published=published or Published(), content_sha256="0" * 64,
    )  # fmt: skip


@PROPERTY_SETTINGS
@given(text=texts, published=publisheds(), language=LANGUAGES)
def test_event_extractor_properties(text: str, published: Published | None, language: str) -> None:
    doc = document(text, published, language)
    events = extract_events(doc)
    for e in events:
        assert 0 <= e.char_start < e.char_end <= len(text), e
        assert text[e.char_start : e.char_end] == e.sentence, e
        assert (e.date_start is None) == (e.date_end is None), e
        if e.date_start is not None:
            assert e.date_start <= e.date_end, e
        assert 0.0 <= e.confidence <= 1.0
    assert extract_events(doc) == events  # deterministic


@PROPERTY_SETTINGS
@given(text=texts, published=publisheds(), language=LANGUAGES)
@example(text="2101", published=None, language="nl")
def test_tagger_dates_are_inside_the_window(text: str, published: Published | None, language: str) -> None:
    for t in tag(text, published, language):
        assert in_window(t.date_start) and in_window(t.date_end), t


@PROPERTY_SETTINGS
@given(text=texts, published=publisheds(), language=LANGUAGES)
@example(text="In 1899 sprak de minister.", published=None, language="nl")
def test_event_dates_are_inside_the_window(text: str, published: Published | None, language: str) -> None:
    for e in extract_events(document(text, published, language)):
        assert in_window(e.date_start) and in_window(e.date_end), e
