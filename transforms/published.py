"""The document's own date (its creation time), from every place a document states it, in the
contract's precedence: a sidecar/metadata field (for HTML also the page's own metadata), the
leading `date YYYY-MM[-DD]` marker, then the text's own dateline; a later source that agrees with
an earlier one and is more precise wins. No date is ever invented: without one, the date is unknown.

The text's dateline is looked for where a document puts it: in its header (the lines before the
story starts, past page chrome, references and document types), on the line that opens the story
("Den Haag, 12 maart 2024 – ..."), as a line of its own a little further down ("2025-02-24" under
an opening paragraph), or as the received stamp of answers to parliamentary questions
("(ontvangen 3 maart 2025)"). Never from inside a story sentence, never from a reference line.
"""

from __future__ import annotations

import contextlib
import json
import re

from transforms import layout
from transforms.datelines import DateLine, find_stamps, make_published, numeric_order_certain, read_line
from transforms.datelines import read_segments as read_byline
from transforms.model import Published
from transforms.temporal.grammar import grammar
from transforms.temporal.tagger import numeric_order

# --- the date marker and metadata values ------------------------------------------------------------

DATE_MARKER = re.compile(r"\A\s*date\s+(\d{4})-(\d{1,2})(?:-(\d{1,2}))?(?=\s|\Z)\s*", re.IGNORECASE)


def strip_date_marker(text: str) -> tuple[str, Published | None]:
    """Remove a leading `date YYYY-MM[-DD]` marker (metadata, not text) and the whitespace after it."""
    match = DATE_MARKER.match(text)
    if not match:
        return text, None
    year, month, day = match.groups()
    published = make_published("header", int(year), int(month), int(day) if day else None)
    if published is None:  # "date 2025-13": not a date we can honour, so not a marker either
        return text, None
    return text[match.end() :], published


PUBLISHED_VALUE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
# An ISO datetime: the date as written is the writer's own day (converting to UTC could move it a day).
PUBLISHED_DATETIME = re.compile(
    r"^(\d{4})-(\d{2})-(\d{2})[T ]\d{2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?\s*(?:Z|[+-]\d{2}:?\d{2})?$"
)


def parse_published_value(value: object, source: str = "sidecar") -> Published | None:
    """A metadata `published` value (YYYY, YYYY-MM, YYYY-MM-DD or an ISO datetime) as a Published.

    >>> parse_published_value("2024-03-04T23:30:00-05:00").start
    datetime.date(2024, 3, 4)
    """
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str):
        return None
    value = value.strip()
    match = PUBLISHED_VALUE.match(value) or PUBLISHED_DATETIME.match(value)
    if not match:
        return None
    year, month, day = match.groups()
    return make_published(source, int(year), int(month) if month else None, int(day) if day else None)


# --- HTML metadata -----------------------------------------------------------------------------------

# <meta> names and properties that carry the page's publication date.
META_DATE_NAMES = frozenset({"article:published_time", "og:article:published_time", "datepublished"})
JSON_LD_TYPES = "application/ld+json"
# JSON-LD is searched this deep (a @graph of objects with nested parts), no deeper.
MAX_JSON_DEPTH = 4


def json_ld_published(data: object, depth: int = 0) -> str | None:
    """The first `datePublished` of a JSON-LD object, its @graph or list members, breadth first: the page's
    own object comes before the articles it mentions."""
    if depth > MAX_JSON_DEPTH:
        return None
    items = data if isinstance(data, list) else [data]
    for item in items:
        if isinstance(item, dict) and isinstance(item.get("datePublished"), str):
            return item["datePublished"]
    for item in items:
        if isinstance(item, dict) and "@graph" in item:
            found = json_ld_published(item["@graph"], depth + 1)
            if found:
                return found
    return None


class HtmlDates:
    """The date candidates an HTML page states about itself, collected while its tags are read:
    `meta` (article:published_time, itemprop datePublished), `json_ld` (the datePublished of JSON-LD
    blocks, collected from their text), `times` (<time datetime>: the one marked as the publication,
    those inside <article>, and all)."""

    def __init__(self) -> None:
        self.meta: str | None = None
        self.json_ld_parts: list[str] = []
        self.json_ld: str | None = None
        self.marked_time: str | None = None
        self.article_times: list[str] = []
        self.times: list[str] = []

    def start_tag(self, tag: str, attrs: dict[str, str], in_article: bool) -> None:
        if tag == "meta":
            name = (attrs.get("property") or attrs.get("name") or attrs.get("itemprop") or "").lower()
            if name in META_DATE_NAMES and attrs.get("content") and self.meta is None:
                self.meta = attrs["content"]
        elif tag == "time" and attrs.get("datetime"):
            value = attrs["datetime"]
            if (
                attrs.get("itemprop", "").lower() == "datepublished" or "pubdate" in attrs
            ) and self.marked_time is None:
                self.marked_time = value
            if in_article:
                self.article_times.append(value)
            self.times.append(value)

    def end_json_ld(self) -> None:
        """A JSON-LD block is complete: read its datePublished (a block that is no JSON is ignored)."""
        text = "".join(self.json_ld_parts)
        self.json_ld_parts = []
        if self.json_ld is not None:
            return
        with contextlib.suppress(ValueError, RecursionError):
            self.json_ld = json_ld_published(json.loads(text))

    def published(self) -> Published | None:
        """The page's own date (source "header"): article:published_time, else JSON-LD datePublished, else
        the <time> marked as the publication, else the first <time> inside <article>, else the page's
        only <time>. A value that is no date is passed over."""
        only = self.times[:1] if len(self.times) == 1 else []
        first_in_article = self.article_times[:1]
        for value in [self.meta, self.json_ld, self.marked_time, *first_in_article, *only]:
            published = parse_published_value(value, "header") if value else None
            if published is not None:
                return published
        return None


# --- the text's dateline -----------------------------------------------------------------------------

# Where a line's date was found: the header's lines and the line opening the story ("place" datelines too),
# and lines of their own further down.
LINE_KINDS = frozenset({"dateline", "label", "byline"})


def document_numeric_order(text: str, language: str) -> str | None:
    """How the document writes numeric dates ('dmy' or 'mdy'), as the temporal tagger decides it (a day over
    12, else the spellings of a day-first variety); else the language's only order; else None (unknown)."""
    try:
        g = grammar(language)
    except KeyError:
        g = grammar("en")
    order = numeric_order(text, g)
    if order is None and numeric_order_certain(language):
        order = g.words.get("numeric_date_order", "dmy")
    return order


def read_dateline_at(text: str, line: layout.Line, language: str) -> DateLine | None:
    """The date a metadata line of the document gives itself (datelines, labels with a date, bylines)."""
    if line.kind not in LINE_KINDS:
        return None
    own = text[line.start : line.end]
    return read_byline(own, language) if line.kind == "byline" else read_line(own, language)


def dateline_candidates(text: str, language: str) -> list[tuple[int, int, DateLine]]:
    """Every date the text gives itself near its top, as (rank, offset, date): rank 1 for an 'updated'
    date (taken only when there is no other), 0 for the others."""
    lines = layout.opening_lines(text, language)
    story = layout.story_index(lines)
    found: list[tuple[int, int, DateLine]] = []
    opening_end = 0
    for index, line in enumerate(lines):
        if index > story:
            after = index - story
            if after > layout.OPENING_MAX_LINES or line.start > lines[story].start + layout.OPENING_MAX_CHARS:
                break
        opening_end = line.end
        date = read_dateline_at(text, line, language)
        # below the story's first line, only a line that is all date ("2025-02-24", "Published ...")
        if date is not None and (index <= story or line.whole):
            found.append((int(date.form == "updated"), line.start, date))
    for offset, date in find_stamps(text, language, 0, opening_end):
        found.append((0, offset, date))
    return sorted(found, key=lambda item: (item[0], item[1]))


def find_dateline(text: str, language: str) -> Published | None:
    """The document's date as its text states it (source "text"), or None: the first dateline of the header
    (a line that is only a date, "Published 13 December 2022", "Vastgesteld 7 juni 2024", "Den Haag, 17
    augustus 2015", "13 November 2025|NEWS", a bullet "• 10/03/2016"), a place dateline opening the story,
    a date line of its own just below an opening paragraph, or "(ontvangen 3 maart 2025)". A numeric date
    whose day and month may be swapped is read in the document's order, and not at all when that is unknown.

    >>> find_dateline("Brussels, 16.10.2019\\n\\nCOM(2019) 481 final\\n", "en").start
    datetime.date(2019, 10, 16)
    """
    try:
        candidates = dateline_candidates(text, language)
    except Exception:  # noqa: BLE001 - odd text gives no date, never an exception
        return None
    for _, _, date in candidates:
        order = document_numeric_order(text, language) if date.swappable else None
        published = date.published(order)
        if published is not None:
            return published
    return None


# --- precedence --------------------------------------------------------------------------------------


def refines(candidate: Published, current: Published) -> bool:
    """Whether `candidate` agrees with `current` (lies within it) and is more precise (a shorter period)."""
    assert candidate.start and candidate.end and current.start and current.end
    within = current.start <= candidate.start and candidate.end <= current.end
    return within and (candidate.end - candidate.start) < (current.end - current.start)


def choose_published(candidates: list[Published | None]) -> Published:
    """The document's date from candidates in order of precedence (sidecar, page metadata, marker, dateline):
    the first known one, unless a later one agrees with it and is more precise. Unknown if there is none."""
    chosen: Published | None = None
    for candidate in candidates:
        if candidate is None or not candidate.known:
            continue
        if chosen is None or refines(candidate, chosen):
            chosen = candidate
    return chosen if chosen is not None else Published()
