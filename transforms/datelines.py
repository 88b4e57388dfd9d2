"""The date one line of a document gives itself: a line that is only a date, a labelled date
("Published 13 December 2022", "Vastgesteld 7 juni 2024"), a line of fields with a date in it
("13 November 2025|NEWS"), a place and a date ("Den Haag, 17 augustus 2015", "Brussels, 16.10.2019"),
and the received stamp of answers to parliamentary questions ("(ontvangen 3 maart 2025)").

Which line of which document to read is `transforms.published`'s business (the header, the opening);
this module only reads. The words (months, labels, stamps) come from the language resources
(calendar.json, documents.json), every language's for every document: an English "Published" line
also turns up on a Dutch page.

>>> read_dateline("Den Haag, 17 augustus 2015", "nl").start
datetime.date(2015, 8, 17)
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from functools import cache

from transforms import resources
from transforms.model import Published

# The contract's window for document dates (schemas/tables.py DATE_WINDOW): a date outside it is a
# misreading (a number that looks like a year), not a publication date.
MIN_YEAR, MAX_YEAR = 1900, 2100

# "• 10/03/2016": list bullets and dashes before a line's own text.
BULLETS = re.compile(r"[\s•·▪◦‣∙*\-–—]*")
# What may follow a date: a time of day, with its separator, unit and time zone ("14:05 CET", "om 14.05 uur").
TIME_OF_DAY = (
    r"(?:\s*(?:,|-|–|—|\||·|om|at|@)?\s*\d{1,2}[:.h]\d{2}(?:[:.]\d{2})?"
    r"(?:\s*(?:uur|u|am|pm|a\.m\.|p\.m\.))?(?:\s*\(?(?:[A-Z]{2,5}(?:[+-]\d{1,2})?|[+-]\d{2}:?\d{2})\)?)?)?"
)
# A line that is only a time of day ("15:00", "14.30 uur"): the date's companion in a page header.
TIME_ONLY = re.compile(
    r"\d{1,2}:\d{2}(?::\d{2})?(?:\s*(?:uur|u|am|pm|h|[A-Z]{2,5}))?|\d{1,2}\.\d{2}\s*uur", re.I
)
# "Den Haag, 12 maart 2024 – Het kabinet ...", "BRUSSELS (Reuters), 3 March 2024 -": a place dateline. The
# place is a capitalised name of up to four words (lower-case only for the particles of names like "Bergen op
# Zoom", "Alphen aan den Rijn"), possibly with an agency in brackets.
PLACE = re.compile(
    r"[A-Z'’][\w'’.-]*(?:\s+(?:[A-Z][\w'’.-]*|aan|den|op|de|der|van|upon|on)){0,3}(?:\s*\([^()\n]{1,40}\))?\s*,\s*"
)
# What may follow the date of a place dateline: the dash or colon before the text (after the agency:
# 'ATHENS, July 3 (Reuters) -'), a full stop, or the end of the line. Not more words: "Den Haag, 12 maart 2024 werd ..." is a sentence.
PLACE_END = re.compile(r"\s*(?:\([^()\n]{1,30}\)\s*[-–—:]|[-–—:|(]|\.(?:\s|$)|$)")
# A wire dateline without a year opening a paragraph: "LONDON (Reuters) - ", "BOULOGNE-SUR-MER, France (AP)
# — ", "DEN HELDER - ", "Brussels (AFP) – ", "ATHENS, July 3 (Reuters) - ". A place in capitals (or any place with its agency), then a dash.
CAPS_WORD = r"[A-ZÀ-Þ][A-ZÀ-Þ'’.-]+"
WIRE_DATELINE = re.compile(
    rf"(?:{CAPS_WORD}(?:\s+{CAPS_WORD}){{0,3}}(?:,\s*[A-Z][\w'’.-]*(?:\s+(?:[A-Z][\w'’.-]*|\d{{1,2}})){{0,2}})?"
    rf"(?:\s*\([^()\n]{{1,30}}\))?"
    rf"|[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){{0,2}}(?:,\s*[A-Z][\w'’.-]*)?\s*\([^()\n]{{1,30}}\))"
    r"\s+[-–—]\s+"
)
MIN_WIRE_PLACE = 4  # 'UK - ' or 'EU - ' opens a phrase more often than it names a place


def wire_dateline(line: str, start: int = 0) -> int | None:
    """The end of a wire dateline without a date opening `line` at `start` (`WIRE_DATELINE`), or None."""
    match = WIRE_DATELINE.match(line, start)
    if not match:
        return None
    place = re.split(r"[,(]|\s[-–—]", match.group())[0].strip()
    if "(" not in match.group() and len(place) < MIN_WIRE_PLACE:
        return None
    return match.start() + len(match.group().rstrip())


# Fields of a header line: "Nieuwsbericht | 12-03-2024 | 14:00", "13 November 2025|NEWS".
FIELD_SEPARATOR = re.compile(r"\s*[|·]\s*")
# A field beside the date is a label, a time, a name: a few words, no sentence.
MAX_FIELD_WORDS = 5
SENTENCE_END = re.compile(r"[.!?](?:\s|$)")
# A line that is all dateline ("Published by Jane Doe on 3 Sep 2024, updated 4 Sep 2024") is no longer.
MAX_DATELINE_CHARS = 300


@dataclass(frozen=True, slots=True)
class DateLine:
    """A date a line gives itself. `start`/`end`: the dateline part of the line (all of it, or the
    place and date that open a paragraph). `form`: date (the line is a date), label ("Published ..."),
    updated ("Last updated ..."), fields ("13 November 2025|NEWS"), place ("Den Haag, 17 augustus 2015"),
    stamp ("(ontvangen 3 maart 2025)"). `swappable`: a numeric date whose day and month may be read
    either way ("10/03/2016"); as read here, day first."""

    start: int
    end: int
    form: str
    year: int
    month: int
    day: int | None
    swappable: bool = False

    def published(self, order: str | None) -> Published | None:
        """The Published this date denotes (source "text"), reading a swappable date in the document's
        numeric `order` ('dmy', 'mdy'); None when that order is unknown (never a guess)."""
        day, month = self.day, self.month
        if self.swappable:
            if order is None:
                return None
            if order == "mdy":
                day, month = month, day
        return make_published("text", self.year, month, day)


def make_period(year: int, month: int | None = None, day: int | None = None) -> tuple[dt.date, dt.date, str]:
    """First day, last day and precision of a year, month or day; ValueError for an impossible date."""
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise ValueError(f"year {year} outside {MIN_YEAR}..{MAX_YEAR}")
    if month is None:
        return dt.date(year, 1, 1), dt.date(year, 12, 31), "year"
    if day is None:
        last = calendar.monthrange(year, month)[1] if 1 <= month <= 12 else 0
        return dt.date(year, month, 1), dt.date(year, month, last), "month"
    day_date = dt.date(year, month, day)
    return day_date, day_date, "day"


def make_published(
    source: str, year: int, month: int | None = None, day: int | None = None
) -> Published | None:
    """A Published for a year/month/day found in `source`; None when that is no real date."""
    try:
        start, end, precision = make_period(year, month, day)
    except ValueError:
        return None
    return Published(start, end, precision, source)


# --- the words ---------------------------------------------------------------------------------------


def words_pattern(words) -> str:
    """A regex alternation of words, longest first ("sept" before "sep"); inner spaces match any white space."""
    ordered = sorted({w.lower() for w in words if w}, key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered) or r"(?!x)x"


@cache
def calendar_words(language: str) -> tuple[dict[str, int], dict[str, int]]:
    """Month and weekday words: the document's language first, then every other language we have."""
    months: dict[str, int] = {}
    weekdays: dict[str, int] = {}
    for lang in (language, *resources.languages()):
        data = resources.load(lang, "calendar")
        for word, number in data.get("months", {}).items():
            months.setdefault(word.lower(), number)
        for word, number in data.get("weekdays", {}).items():
            weekdays.setdefault(word.lower(), number)
    return months, weekdays


@cache
def document_words(language: str, key: str) -> tuple[str, ...]:
    """One list of documents.json, every language's (the document's own first), without repeats."""
    seen: dict[str, None] = {}
    for lang in (language, *resources.languages()):
        for word in resources.load(lang, "documents").get(key, []):
            seen.setdefault(word.lower(), None)
    return tuple(seen)


def numeric_order_certain(language: str) -> bool:
    """Whether the language writes numeric dates one way only (Dutch: day first). Unknown languages are not."""
    data = resources.load(language, "documents")
    return "numeric_dates_ambiguous" in data and not data["numeric_dates_ambiguous"]


# --- the patterns ------------------------------------------------------------------------------------


@cache
def date_patterns(language: str) -> tuple[re.Pattern[str], ...]:
    """The date forms a dateline may take (with an optional time of day after them), most specific first:
    day month year, month day year, ISO, numeric (22-01-2020, 16.10.2019, 10/03/2016), month year."""
    months, weekdays = calendar_words(language)
    month = rf"(?P<month>{words_pattern(months)})\.?"
    weekday = rf"(?:(?:{words_pattern(weekdays)})\.?,?\s+)?"
    day = r"(?P<day>\d{1,2})(?:st|nd|rd|th|e|ste|de)?\.?"
    year = r"(?P<year>\d{4})"
    forms = [
        rf"{weekday}{day}\s+{month},?\s+{year}",  # 22 januari 2020, Tue 3rd Sep 2024
        rf"{weekday}{month}\s+{day},?\s+{year}",  # September 3, 2024
        # 2020-01-22, also as an ISO datetime 2020-01-22T10:00:00+01:00
        r"(?P<year>\d{4})-(?P<mnum>\d{2})-(?P<day>\d{2})(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?",
        rf"{weekday}(?P<a>\d{{1,2}})(?P<sep>[-/.])(?P<b>\d{{1,2}})(?P=sep)(?P<year>\d{{4}})",  # 22-01-2020
        rf"{month}\s+{year}",  # januari 2020 (month precision)
    ]
    return tuple(re.compile(rf"(?<!\w){form}(?![\w/-]|[.,]\d){TIME_OF_DAY}", re.IGNORECASE) for form in forms)


@cache
def labelled_patterns(language: str) -> tuple[tuple[re.Pattern[str], ...], re.Pattern[str]]:
    """Per date form, the pattern of a labelled date at a line's start: the label, an optional author
    ("by Jane Doe") and connective ("on"), then the date; and the pattern of the labels alone."""
    labels = words_pattern(
        document_words(language, "date_labels") + document_words(language, "updated_labels")
    )
    byline = words_pattern(document_words(language, "byline_words"))
    connective = words_pattern(document_words(language, "date_connectives"))
    name = r"[^\d\s,|·]\S*"
    lead = (
        rf"(?P<label>{labels})(?!\w)\s*:?\s*(?:[-–—]\s*)?"
        rf"(?:(?:{byline})\s+{name}(?:\s+{name}){{0,4}}?\s*,?\s+)?"
        rf"(?:(?:{connective})\s*:?\s+)?"
    )
    forms = tuple(re.compile(lead + pattern.pattern, re.IGNORECASE) for pattern in date_patterns(language))
    return forms, re.compile(rf"(?:{labels})(?!\w)", re.IGNORECASE)


@cache
def label_tail(language: str) -> re.Pattern[str]:
    """What may follow a labelled date: the end, a field separator or bracket, another labelled date
    ("Published by Jane Doe on Oct. 1, 2023, updated Oct. 2, 2023") or the author ("Posted on 3 March 2024
    by Jane Doe"). Not a sentence going on."""
    labels = words_pattern(
        document_words(language, "date_labels") + document_words(language, "updated_labels")
    )
    byline = words_pattern(document_words(language, "byline_words"))
    return re.compile(rf"\s*(?:$|[|·(]|[,;]\s*(?:{labels})(?!\w)|,?\s*(?:{byline})\s+\S)", re.IGNORECASE)


@cache
def stamp_opener(language: str) -> re.Pattern[str] | None:
    """The opening of a received stamp, "(ontvangen ", which may break over a line; None without stamp words."""
    stamps = document_words(language, "received_stamps")
    if not stamps:
        return None
    return re.compile(rf"\(\s*(?:{words_pattern(stamps)})\s+", re.IGNORECASE)


# --- reading -----------------------------------------------------------------------------------------


def read_match(match: re.Match[str], language: str, start: int, end: int, form: str) -> DateLine | None:
    """The DateLine a date pattern's match denotes; None for a date that cannot be (31 februari, 13/13/2020)."""
    groups = match.groupdict()
    swappable = False
    if groups.get("a"):
        a, b = int(groups["a"]), int(groups["b"])
        if a > 12 >= b or a == b:
            day, month = a, b
        elif b > 12 >= a:
            day, month = b, a  # 03/23/2024: month first, the only reading
        else:
            day, month, swappable = a, b, a <= 12 and b <= 12
    elif groups.get("mnum"):
        day, month = int(groups["day"]), int(groups["mnum"])
    else:
        found = calendar_words(language)[0].get(groups["month"].lower().rstrip("."))
        if found is None:
            return None
        day, month = (int(groups["day"]) if groups.get("day") else None), found
    year = int(groups["year"])
    if make_published("text", year, month, day) is None:
        return None
    if swappable and make_published("text", year, day, month) is None:
        swappable = False
    return DateLine(start, end, form, year, month, day, swappable)


def full_date(text: str, language: str) -> re.Match[str] | None:
    """The match of a date (and time) that is all of `text`."""
    for pattern in date_patterns(language):
        match = pattern.fullmatch(text)
        if match:
            return match
    return None


def body_start(line: str) -> int:
    """Where a line's own text starts, after spaces and list bullets."""
    return BULLETS.match(line).end()


def read_dateline(line: str, language: str) -> Published | None:
    """The date of one line if the line is a dateline, in the language's own numeric order (none for a
    numeric date whose order the language leaves open). `read_line` says which kind and where."""
    found = read_line(line, language)
    if found is None:
        return None
    return found.published("dmy" if numeric_order_certain(language) else None)


def read_line(line: str, language: str, *, place: bool = True) -> DateLine | None:
    """The date `line` gives itself, if it is a dateline: only a date (a bullet and a time may stand
    beside it), a labelled date, a line of short fields one of which is a date, or (with `place`) a
    place and a date opening the line. A date inside a sentence is none of these."""
    start = body_start(line)
    body = line[start:].rstrip()
    if not body:
        return None
    end = start + len(body)
    found = None
    if len(body) <= MAX_DATELINE_CHARS:  # a line that is all dateline is short; a place may open a long one
        match = full_date(body, language)
        if match:
            return read_match(match, language, 0, len(line), "date")
        found = read_labelled(line, start, language) or read_fields(line, start, body, language)
    if found is None and place:
        found = read_place(line, start, end, language)
    return found


def read_labelled(line: str, start: int, language: str) -> DateLine | None:
    """ "Published 13 December 2022", "Gepubliceerd op 3 sept. 2024 om 14:05 uur", "Posted by Jane Doe on
    3 Sep 2024": a label, then the date, then nothing but fields or another labelled date."""
    forms, labels = labelled_patterns(language)
    if not labels.match(line, start):
        return None
    for pattern in forms:
        match = pattern.match(line, start)
        if match and label_tail(language).match(line, match.end()):
            label = " ".join(match.group("label").lower().split())
            form = "updated" if label in document_words(language, "updated_labels") else "label"
            return read_match(match, language, 0, len(line), form)
    return None


def read_fields(line: str, start: int, body: str, language: str) -> DateLine | None:
    """ "Nieuwsbericht | 12-03-2024 | 14:00", "13 November 2025|NEWS", "Door onze verslaggever · 4 juni 2024":
    fields of a few words each, one of them a date."""
    fields = [f for f in FIELD_SEPARATOR.split(body) if f]
    if len(fields) < 2 or any(len(f.split()) > MAX_FIELD_WORDS for f in fields):
        return None
    first = None
    for field in fields:
        match = full_date(field, language)
        if match is None and SENTENCE_END.search(field):
            return None  # a sentence, not a field
        first = first or match
    return read_match(first, language, 0, len(line), "fields") if first else None


def read_place(line: str, start: int, end: int, language: str) -> DateLine | None:
    """ "Den Haag, 17 augustus 2015", "LONDON (Reuters), March 3, 2024 - The minister said": a place and a
    date at the start, then the end of the line or the dash before the text."""
    place = PLACE.match(line, start)
    if not place:
        return None
    for pattern in date_patterns(language):
        match = pattern.match(line, place.end())
        if not match:
            continue
        tail = PLACE_END.match(line, match.end())
        if tail:
            span_end = len(line) if tail.end() >= end else tail.end()
            return read_match(match, language, 0, span_end, "place")
    return None


# Where a field of a byline may start: the line's start, or after a comma, bar, dot or dash.
SEGMENT_START = re.compile(r"(?:^|[,|·–—])\s*")
SEGMENT_END = re.compile(r"\s*(?:$|[,|·–—])")


def read_segments(text: str, language: str) -> DateLine | None:
    """The first labelled date or date field among the fields of a byline ("By Jane Doe, Published 12 May
    2023", "Door onze verslaggever · 4 juni 2024")."""
    for segment in SEGMENT_START.finditer(text):
        found = read_labelled(text, segment.end(), language)
        if found is not None:
            return found
        for pattern in date_patterns(language):
            match = pattern.match(text, segment.end())
            if match and SEGMENT_END.match(text, match.end()):
                return read_match(match, language, 0, len(text), "fields")
    return None


def is_time_only(line: str) -> bool:
    """A line that is only a time of day ("15:00", "• 14.30 uur")."""
    return TIME_ONLY.fullmatch(line[body_start(line) :].rstrip()) is not None


def find_stamps(text: str, language: str, start: int, end: int) -> list[tuple[int, DateLine]]:
    """Received stamps "(ontvangen 3 maart 2025)" in text[start:end] (the date may break over a line), each
    with its offset in `text`. "(ingezonden 31 maart 2017)" dates the questions, and is not a stamp word."""
    opener = stamp_opener(language)
    if opener is None:
        return []
    found = []
    for stamp in opener.finditer(text, start, end):
        for pattern in date_patterns(language):
            match = pattern.match(text, stamp.end(), end)
            if match and re.match(r"\s*\)", text[match.end() : match.end() + 4]):
                date = read_match(match, language, stamp.start(), match.end(), "stamp")
                if date is not None:
                    found.append((stamp.start(), date))
                break
    return found
