"""Bytes to Document: detect binary, decode and repair, extract HTML text, find the document's own date,
title and language, and hash it.

Pure: no file access, no clock. Everything a source says about itself comes in through `RawSource`
(its bytes and its sidecar/JSON Lines metadata). Bad input gives a `Rejection`, never an exception.
"""

from __future__ import annotations

import calendar
import codecs
import datetime as dt
import hashlib
import re
import unicodedata
from functools import cache
from html.parser import HTMLParser

import ftfy
from charset_normalizer import from_bytes
from ftfy.badness import is_bad
from ftfy.chardata import CONTROL_CHARS, possible_encoding

from transforms import resources
from transforms.language import detect_language, normalise_language_code
from transforms.model import Document, Published, RawSource, Rejection

# --- binary detection ------------------------------------------------------------------------------

# File signatures of formats that are often misnamed .txt (exported attachments, zipped dumps).
MAGIC_NUMBERS: dict[bytes, str] = {
    b"\x89PNG\r\n\x1a\n": "PNG image",
    b"PK\x03\x04": "ZIP archive",
    b"PK\x05\x06": "ZIP archive",
    b"%PDF-": "PDF document",
    b"\x1f\x8b": "GZIP archive",
    b"\xff\xd8\xff": "JPEG image",
    b"GIF87a": "GIF image",
    b"GIF89a": "GIF image",
}
# Control characters that do belong in text.
TEXT_CONTROLS = frozenset("\t\n\r\f\v")
# The other control characters: Unicode category Cc is exactly U+0000-U+001F and U+007F-U+009F (a
# stable set), less the five above (U+0009-U+000D). One regex counts them much faster than a
# `unicodedata.category` call per character.
OTHER_CONTROLS = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f]")
# Above this share of other control characters a "text" is really binary (or decoded wrongly).
MAX_CONTROL_SHARE = 0.10
# Looking at the head is enough to tell, and keeps huge files cheap.
SNIFF_BYTES = 8192

# Byte-order marks, longest first: the UTF-32-LE mark starts with the UTF-16-LE one.
BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# The legacy encodings our languages (nl, en, de, fr) come in. charset-normalizer left free picks
# cp1250 or even UTF-16 for short Western texts ("très" became "trčs"), so it chooses among these only.
WESTERN_ENCODINGS = ["cp1252", "latin_1", "iso8859_15"]
# Text that is UTF-8 but for at most this share of stray bytes is read as UTF-8 (bad bytes as U+FFFD).
MAX_INVALID_UTF8_SHARE = 0.01

# ftfy repairs mojibake ("cafÃ©" → "café") but by default also uncurls quotes, unfolds ligatures and
# full-width letters and NFC-normalises: all of that would change normal text from how it was written.
FTFY_CONFIG = ftfy.TextFixerConfig(
    unescape_html=False,
    uncurl_quotes=False,
    fix_latin_ligatures=False,
    fix_character_width=False,
    fix_line_breaks=False,
    normalization=None,
    explain=False,
)

# Size limits. Extraction costs about 18 s per MB of text on one core (measured on the seeds repeated),
# so a 50 MB file would hold a run for a quarter of an hour: larger documents are rejected, quickly and
# with a reason, before any decoding. The raw limit is higher because HTML markup is mostly not text.
MAX_INPUT_BYTES = 10_000_000
MAX_TEXT_CHARS = 2_000_000

# The contract's window for document dates (schemas/tables.py DATE_WINDOW): a date outside it is a
# misreading (a number that looks like a year), not a publication date.
MIN_YEAR, MAX_YEAR = 1900, 2100


def find_magic_format(data: bytes) -> str | None:
    """The binary format `data` starts with (by its signature), if any."""
    for magic, name in MAGIC_NUMBERS.items():
        if data.startswith(magic):
            return name
    return None


def share_of_controls(text: str) -> float:
    """Share of control characters (other than tabs, line and page breaks) in `text`."""
    if not text:
        return 0.0
    return len(OTHER_CONTROLS.findall(text)) / len(text)


# The C0 control bytes other than tabs and breaks.
OTHER_C0_BYTES = bytes(byte for byte in range(0x20) if chr(byte) not in TEXT_CONTROLS)


def share_of_c0_controls(data: bytes) -> float:
    """Share of C0 control bytes (other than tabs and breaks). Bytes 0x80-0x9f do not count: they are
    ordinary in UTF-8 and cp1252 text. (Deleting them with `bytes.translate` counts them without a
    Python step per byte.)"""
    if not data:
        return 0.0
    return (len(data) - len(data.translate(None, OTHER_C0_BYTES))) / len(data)


def detect_binary(data: bytes) -> str | None:
    """Why `data` is binary rather than text, or None if it may be text. Call only without a BOM:
    UTF-16/32 text is full of NUL bytes."""
    head = data[:SNIFF_BYTES]
    magic = find_magic_format(head)
    if magic:
        return f"looks like a {magic}"
    if b"\x00" in head:
        return "contains NUL bytes"
    if share_of_c0_controls(head) > MAX_CONTROL_SHARE:
        return "mostly control characters"
    return None


# --- decoding --------------------------------------------------------------------------------------


def detect_bom(data: bytes) -> tuple[str, int] | None:
    """The encoding a byte-order mark declares, and the mark's length."""
    for bom, encoding in BOMS:
        if data.startswith(bom):
            return encoding, len(bom)
    return None


def decode_bytes(data: bytes) -> str | None:
    """Text from bytes: by BOM, else strict UTF-8, else the best Western legacy encoding; None if none fits."""
    bom = detect_bom(data)
    if bom:
        encoding, length = bom
        try:
            return data[length:].decode(encoding)
        except UnicodeDecodeError:
            return None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    mostly = decode_mostly_utf8(data)
    if mostly is not None:
        return mostly
    best = from_bytes(data, cp_isolation=WESTERN_ENCODINGS).best()
    return str(best) if best is not None else None


def decode_mostly_utf8(data: bytes) -> str | None:
    """UTF-8 text with a few stray bytes (a file cut mid-character, one pasted cp1252 byte): the text with
    U+FFFD for each bad byte, when it has real multi-byte UTF-8 characters and the bad bytes are rare
    (at most MAX_INVALID_UTF8_SHARE). Read as cp1252 instead, every "é" in it would become "Ã©"."""
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd") - data.decode("utf-8", errors="ignore").count("\ufffd")
    multibyte = sum(1 for ch in text if ord(ch) > 0x7F and ch != "\ufffd")
    if multibyte and bad <= MAX_INVALID_UTF8_SHARE * len(data):
        return text
    return None


# Characters that a fixer FTFY_CONFIG keeps on changes or deletes, wherever they stand:
# C1 controls (fix_c1_controls), surrogates (fix_surrogates), ESC (remove_terminal_escapes) and
# the characters remove_control_chars deletes (ftfy's own table).
FTFY_CHANGES = re.compile(
    "[" + "".join(re.escape(chr(c)) for c in sorted(CONTROL_CHARS)) + "\x1b\x80-\x9f\ud800-\udfff]"
)


def ftfy_segments(text: str) -> list[str] | None:
    """The pieces `ftfy.fix_text` fixes one by one: lines, with their \\n. None when a line is longer
    than ftfy's `max_decode_length` (ftfy then cuts it differently)."""
    segments = []
    pos = 0
    while pos < len(text):
        end = text.find("\n", pos) + 1 or len(text)
        if end - pos > FTFY_CONFIG.max_decode_length:
            return None
        segments.append(text[pos:end])
        pos = end
    return segments


def ftfy_keeps(text: str) -> bool:
    """True only when `ftfy.fix_text(text, FTFY_CONFIG)` returns `text` unchanged, at a fraction of
    its cost (most texts have nothing to repair). ftfy 6 fixes each segment with, in turn: the
    encoding fix, which leaves a segment alone that is ASCII or not `is_bad` (its own first test,
    made here the same way); and the character fixers above, which leave alone a text without
    FTFY_CHANGES characters. An unchanged segment ends ftfy's loop, so the text comes back as it was.
    tests/test_speed_equivalence.py checks this against ftfy itself."""
    if FTFY_CHANGES.search(text):
        return False
    if text.isascii():
        return True  # every segment, however ftfy cuts them, is ASCII
    segments = ftfy_segments(text)
    return segments is not None and all(possible_encoding(s, "ascii") or not is_bad(s) for s in segments)


def repair_text(text: str) -> str:
    """Undo mojibake (UTF-8 read as cp1252 and the like) without touching well-formed text."""
    if ftfy_keeps(text):
        return text
    return ftfy.fix_text(text, FTFY_CONFIG)


def normalise_line_endings(text: str) -> str:
    """Windows and old-Mac line endings as \\n, so offsets and line rules are the same for all inputs."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


# --- HTML ------------------------------------------------------------------------------------------


class _TextStripper(HTMLParser):
    """Collects the visible text of an HTML page: no scripts, styles or head."""

    SKIPPED = frozenset({"script", "style", "noscript", "template", "head", "svg"})
    BLOCKS = frozenset(
        {"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "section", "article", "blockquote"}
    )

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip_depth = 0
        self.title_parts: list[str] = []
        self.in_title = False

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag == "title":
            self.in_title = True
        if tag in self.SKIPPED:
            self.skip_depth += 1
        elif tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self.in_title = False
        if tag in self.SKIPPED and self.skip_depth:
            self.skip_depth -= 1
        elif tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title_parts.append(data)
        if not self.skip_depth:
            self.parts.append(data)


def tidy_lines(text: str) -> str:
    """Lines stripped of edge spaces, runs of whitespace inside a line as one space, blank lines dropped."""
    lines = (re.sub(r"[ \t\f\v\u00a0]+", " ", line).strip() for line in text.split("\n"))
    return "\n".join(line for line in lines if line)


def strip_html_tags(html: str) -> tuple[str, str | None]:
    """Plain text and <title> of an HTML page by removing the tags (scripts and styles with their content)."""
    stripper = _TextStripper()
    try:
        stripper.feed(html)
        stripper.close()
    except Exception:  # noqa: BLE001, S110 - html.parser is lenient; a parse error keeps what was read so far
        pass
    title = " ".join("".join(stripper.title_parts).split()) or None
    return tidy_lines("".join(stripper.parts)), title


def extract_html_text(html: str) -> tuple[str, str | None]:
    """Main text and title of an HTML page: trafilatura (precision over recall, no comments), else a tag strip."""
    # Imported here: trafilatura costs ~0.3 s to import and only HTML input needs it.
    import trafilatura

    stripped, tag_title = strip_html_tags(html)
    try:
        text = trafilatura.extract(html, include_comments=False, favor_precision=True)
        metadata = trafilatura.extract_metadata(html)
    except Exception:  # noqa: BLE001 - a library failure on odd markup: the tag strip still gives the text
        text, metadata = None, None
    title = (metadata.title if metadata is not None else None) or tag_title
    if text and text.strip():
        return normalise_line_endings(text), title
    return stripped, title


# --- dates -----------------------------------------------------------------------------------------

DATE_MARKER = re.compile(r"\A\s*date\s+(\d{4})-(\d{1,2})(?:-(\d{1,2}))?(?=\s|\Z)\s*", re.IGNORECASE)


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


def parse_published_value(value: object, source: str = "sidecar") -> Published | None:
    """A metadata `published` value (YYYY, YYYY-MM, YYYY-MM-DD or an ISO datetime) as a Published."""
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str):
        return None
    value = value.strip()
    match = PUBLISHED_VALUE.match(value)
    if match:
        year, month, day = match.groups()
        return make_published(source, int(year), int(month) if month else None, int(day) if day else None)
    if re.match(r"^\d{4}-\d{2}-\d{2}[T ]\d", value):
        try:
            # The date as written, in the writer's own time zone: converting to UTC could move it a day.
            moment = dt.datetime.fromisoformat(value)
        except ValueError:
            return None
        return make_published(source, moment.year, moment.month, moment.day)
    return None


# Lines that announce the document's date. Kept here rather than in calendar.json, which is plain
# calendar data for the temporal tagger too.
DATELINE_PREFIXES = (
    "published",
    "first published",
    "last updated",
    "updated",
    "posted",
    "gepubliceerd",
    "laatst bijgewerkt",
    "bijgewerkt",
    "geplaatst",
    "publicatiedatum",
)
# A dateline is near the top: at most this many non-blank lines, starting within this many characters.
DATELINE_MAX_LINES = 5
DATELINE_MAX_CHARS = 400
# Numeric dates are day-first in these languages (22-01-2020); English ones may be month-first.
DAY_FIRST_LANGUAGES = frozenset({"nl", "de", "fr"})

TIME_OF_DAY = (
    r"(?:\s*(?:,|-|–|—|\||·|om|at|@)?\s*\d{1,2}[:.h]\d{2}(?:[:.]\d{2})?"
    r"(?:\s*(?:uur|u|am|pm|a\.m\.|p\.m\.))?(?:\s*\(?(?:[A-Z]{2,5}(?:[+-]\d{1,2})?|[+-]\d{2}:?\d{2})\)?)?)?"
)


def words_pattern(words: dict[str, int]) -> str:
    """A regex alternation of calendar words, longest first so "sept" is not read as "sep"."""
    return "|".join(re.escape(word) for word in sorted(words, key=len, reverse=True))


@cache
def calendar_words(language: str) -> tuple[dict[str, int], dict[str, int]]:
    """Month and weekday words: the document's language first, then every other language we have,
    since an English "Published 3 Sep 2024" line also turns up on Dutch pages."""
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
def dateline_patterns(language: str) -> tuple[re.Pattern[str], ...]:
    """The date forms a dateline may take, for `language`, most specific first."""
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
    ]
    if language in DAY_FIRST_LANGUAGES:
        forms.append(r"(?P<day>\d{1,2})[-/.](?P<mnum>\d{1,2})[-/.](?P<year>\d{4})")  # 22-01-2020
    forms.append(rf"{month}\s+{year}")  # januari 2020 (month precision)
    return tuple(re.compile(rf"(?<!\w){form}(?!\w){TIME_OF_DAY}", re.IGNORECASE) for form in forms)


DATELINE_PREFIX = re.compile(
    rf"^\s*(?:{'|'.join(sorted(DATELINE_PREFIXES, key=len, reverse=True))})\b", re.IGNORECASE
)


def read_date_match(match: re.Match[str], language: str) -> Published | None:
    """The Published a dateline date match denotes (source "text")."""
    groups = match.groupdict()
    if groups.get("mnum"):
        month = int(groups["mnum"])
    else:
        month = calendar_words(language)[0].get(groups["month"].lower().rstrip("."))
        if month is None:
            return None
    day = int(groups["day"]) if groups.get("day") else None
    return make_published("text", int(groups["year"]), month, day)


# "Den Haag, 12 maart 2024 – Het kabinet ...", "BRUSSELS (Reuters), 3 March 2024 -": a news or press
# release dateline opening the first paragraph. The place is a capitalised name of up to four words
# (lower-case only for the particles of names like "Bergen op Zoom", "Alphen aan den Rijn").
PLACE_DATELINE = re.compile(
    r"^\s*[A-Z'’][\w'’.-]*(?:\s+(?:[A-Z][\w'’.-]*|aan|den|op|de|der|van|upon|on))"
    r"{0,3}(?:\s*\([^()\n]{1,40}\))?\s*,\s*"
)
# "Nieuwsbericht | 12-03-2024 | 14:00", "Kamerstuk: Kamervragen | 3 december 2024": a label line of
# fields, as government sites print it under the title.
LABEL_DATELINE = re.compile(r"^\s*[A-Z][\w:-]*(?:\s+[\w:-]+){0,2}\s*[|·]\s*")
# What may follow the date of a place dateline: the dash or colon before the text, a full stop, or the
# end of the line. Not more words: "Den Haag, 12 maart 2024 werd ..." is a sentence.
DATELINE_END = re.compile(r"\s*(?:[-–—:|(]|\.(?:\s|$)|$)")


def read_dateline(line: str, language: str) -> Published | None:
    """The date of one line if the line is a dateline: only a date (and time), a published/updated line
    followed by a date, a place and a date opening the text, or a label and a date."""
    prefix = DATELINE_PREFIX.match(line)
    place = None if prefix else PLACE_DATELINE.match(line) or LABEL_DATELINE.match(line)
    for pattern in dateline_patterns(language):
        if prefix:
            # "Published by Jane Doe on 3 Sep 2024, updated 4 Sep": the first date after the word.
            match = pattern.search(line, prefix.end())
        else:
            match = pattern.fullmatch(line.strip())
            if not match and place:
                match = pattern.match(line, place.end())
                match = match if match and DATELINE_END.match(line, match.end()) else None
        if match:
            return read_date_match(match, language)
    return None


def find_dateline(text: str, language: str) -> Published | None:
    """The document's date from a dateline near the top (e.g. `22 januari 2020` under the headline,
    or `Published 3rd Sep 2024`), with source "text"; None if there is none."""
    seen = 0
    offset = 0
    for line in text.split("\n"):
        start, offset = offset, offset + len(line) + 1
        if start >= DATELINE_MAX_CHARS or seen >= DATELINE_MAX_LINES:
            break
        if not line.strip():
            continue
        seen += 1
        published = read_dateline(line, language)
        if published is not None:
            return published
    return None


def refines(candidate: Published, current: Published) -> bool:
    """Whether `candidate` agrees with `current` (lies within it) and is more precise (a shorter period)."""
    assert candidate.start and candidate.end and current.start and current.end
    within = current.start <= candidate.start and candidate.end <= current.end
    return within and (candidate.end - candidate.start) < (current.end - current.start)


def choose_published(candidates: list[Published | None]) -> Published:
    """The document's date from candidates in order of precedence (sidecar, header, dateline): the first
    known one, unless a later one agrees with it and is more precise. Unknown if there is none."""
    chosen: Published | None = None
    for candidate in candidates:
        if candidate is None or not candidate.known:
            continue
        if chosen is None or refines(candidate, chosen):
            chosen = candidate
    return chosen if chosen is not None else Published()


# --- title, ids ------------------------------------------------------------------------------------

MAX_TITLE_CHARS = 200


def clean_title(value: object) -> str | None:
    """A metadata title as a single line; None if it is not a usable string."""
    if not isinstance(value, str):
        return None
    title = " ".join(value.split())
    return title or None


def find_title(text: str, language: str) -> str | None:
    """The first line, when it reads as a headline: short, no final period, not a dateline."""
    for line in text.split("\n"):
        line = line.strip()
        if not line:
            continue
        headline = line.lstrip("#").strip()  # Markdown heading marks are not part of the title
        if len(headline) >= MAX_TITLE_CHARS or headline.endswith(".") or not headline:
            return None
        if read_dateline(line, language) is not None:
            return None
        return headline
    return None


def normalise_for_id(text: str) -> str:
    """The text as identity sees it: NFC, whitespace runs as one space, no edge whitespace."""
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text)).strip()


def compute_doc_id(text: str) -> str:
    """Stable id of a document's text: the same story re-encoded or re-wrapped keeps its id."""
    return hashlib.sha256(normalise_for_id(text).encode("utf-8")).hexdigest()[:32]


def compute_content_sha256(data: bytes | str) -> str:
    """sha256 of the raw input (the UTF-8 of a JSON Lines text)."""
    raw = data.encode("utf-8") if isinstance(data, str) else data
    return hashlib.sha256(raw).hexdigest()


# --- the whole step --------------------------------------------------------------------------------


def reject(raw: RawSource, reason: str, detail: str | None = None) -> Rejection:
    return Rejection(raw.source_name, "parse", reason, source_key=raw.source_key, detail=detail)


def megabytes(size: int) -> str:
    return f"{size / 1_000_000:.1f} MB"


def check_size(raw: RawSource) -> Rejection | None:
    """A Rejection when the raw input is too large to extract in reasonable time (checked before decoding)."""
    size = len(raw.data.encode("utf-8")) if isinstance(raw.data, str) else len(raw.data)
    if size > MAX_INPUT_BYTES:
        return reject(
            raw,
            f"document too large: {megabytes(size)}, the limit is {megabytes(MAX_INPUT_BYTES)}; "
            "split it into smaller files",
            f"{size} bytes",
        )
    return None


def read_text(raw: RawSource) -> str | Rejection:
    """Decoded, repaired text of a source with \\n line endings, or why there is none."""
    too_large = check_size(raw)
    if too_large:
        return too_large
    if isinstance(raw.data, str):
        text = raw.data
    else:
        if detect_bom(raw.data) is None:
            why = detect_binary(raw.data)
            if why:
                return reject(raw, "binary file, not text", why)
        decoded = decode_bytes(raw.data)
        if decoded is None:
            return reject(raw, "cannot decode text: not UTF-8 and no fitting Western encoding")
        text = decoded
    # Catches what only shows after decoding: UTF-16 binary, or bytes that only latin-1 "decodes".
    if share_of_controls(text[:SNIFF_BYTES]) > MAX_CONTROL_SHARE:
        return reject(raw, "binary file, not text", "mostly control characters")
    return normalise_line_endings(repair_text(text))


def parse_document(raw: RawSource, extractor_version: str = "") -> Document | Rejection:
    """One source as a Document (text, title, language, own date, ids), or a Rejection saying why not.

    `extractor_version` is accepted so every stage has the same call shape; the document itself does
    not depend on it (its id is the hash of its text).
    """
    try:
        text = read_text(raw)
        if isinstance(text, Rejection):
            return text
        html_title = None
        if raw.kind == "html":
            text, html_title = extract_html_text(text)
        text, header_date = strip_date_marker(text)
        if not text.strip():
            return reject(raw, "empty document", "no text left after decoding and markup removal")
        if len(text) > MAX_TEXT_CHARS:
            return reject(
                raw,
                f"document too long: {len(text):,} characters of text, the limit is {MAX_TEXT_CHARS:,}; "
                "split it into smaller files",
            )
        meta = raw.meta or {}
        language = normalise_language_code(meta.get("language")) or detect_language(text)
        published = choose_published(
            [parse_published_value(meta.get("published")), header_date, find_dateline(text, language)]
        )
        title = clean_title(meta.get("title")) or clean_title(html_title) or find_title(text, language)
        url = meta.get("url").strip() if isinstance(meta.get("url"), str) else None
        return Document(
            doc_id=compute_doc_id(text),
            source_name=raw.source_name,
            source_key=raw.source_key,
            text=text,
            title=title,
            language=language,
            published=published,
            content_sha256=compute_content_sha256(raw.data),
            url=url or None,
        )
    except Exception as error:  # noqa: BLE001 - never raise for bad input: a surprise becomes a rejection
        return reject(raw, "could not parse the document", f"{type(error).__name__}: {error}")
