"""Bytes to Document: detect binary, decode and repair, extract HTML text, find the document's own date,
title and language, and hash it.

Pure: no file access, no clock. Everything a source says about itself comes in through `RawSource`
(its bytes and its sidecar/JSON Lines metadata). Bad input gives a `Rejection`, never an exception.
"""

from __future__ import annotations

import codecs
import hashlib
import re
import unicodedata
from html.parser import HTMLParser

import ftfy
from charset_normalizer import from_bytes
from ftfy.badness import is_bad
from ftfy.chardata import CONTROL_CHARS, possible_encoding

from transforms.language import detect_language, normalise_language_code
from transforms.layout import title_span
from transforms.model import Document, Published, RawSource, Rejection
from transforms.published import (
    HtmlDates,
    choose_published,
    find_dateline,
    parse_published_value,
    strip_date_marker,
)
from transforms.sentences import LETTER

__all__ = [  # the date functions live in transforms.published; callers have long imported them from here
    "choose_published",
    "find_dateline",
    "parse_published_value",
    "strip_date_marker",
]

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
    """Collects the visible text of an HTML page (no scripts, styles or head), its <title>, and the dates
    the page states about itself (`HtmlDates`: meta tags, JSON-LD, <time datetime>)."""

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
        self.dates = HtmlDates()
        self.article_depth = 0
        self.in_json_ld = False

    def handle_starttag(self, tag: str, attrs: list) -> None:
        values = {name.lower(): (value or "") for name, value in attrs if isinstance(name, str)}
        self.dates.start_tag(tag, values, self.article_depth > 0)
        if tag == "article":
            self.article_depth += 1
        if tag == "script" and values.get("type", "").strip().lower() == "application/ld+json":
            self.in_json_ld = True
        if tag == "title":
            self.in_title = True
        if tag in self.SKIPPED:
            self.skip_depth += 1
        elif tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag == "article" and self.article_depth:
            self.article_depth -= 1
        if tag == "script" and self.in_json_ld:
            self.in_json_ld = False
            self.dates.end_json_ld()
        if tag == "title":
            self.in_title = False
        if tag in self.SKIPPED and self.skip_depth:
            self.skip_depth -= 1
        elif tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if self.in_json_ld:
            self.dates.json_ld_parts.append(data)
        if self.in_title:
            self.title_parts.append(data)
        if not self.skip_depth:
            self.parts.append(data)


def tidy_lines(text: str) -> str:
    """Lines stripped of edge spaces, runs of whitespace inside a line as one space, blank lines dropped."""
    lines = (re.sub(r"[ \t\f\v\u00a0]+", " ", line).strip() for line in text.split("\n"))
    return "\n".join(line for line in lines if line)


def read_html(html: str) -> tuple[str, str | None, Published | None]:
    """Plain text, <title> and own date of an HTML page, by reading its tags (scripts and styles dropped)."""
    stripper = _TextStripper()
    try:
        stripper.feed(html)
        stripper.close()
    except Exception:  # noqa: BLE001, S110 - html.parser is lenient; a parse error keeps what was read so far
        pass
    title = " ".join("".join(stripper.title_parts).split()) or None
    return tidy_lines("".join(stripper.parts)), title, stripper.dates.published()


def extract_html_text(html: str) -> tuple[str, str | None, Published | None]:
    """Main text, title and own date of an HTML page. The text: trafilatura (precision over recall, no
    comments), else a tag strip. The date: the page's own metadata only (article:published_time, JSON-LD
    datePublished, <time datetime>), as written: trafilatura's date (htmldate) also guesses from the
    URL, the headline, a copyright line or the clock, and gives a day for a month."""
    # Imported here: trafilatura costs ~0.3 s to import and only HTML input needs it.
    import trafilatura

    stripped, tag_title, published = read_html(html)
    try:
        text = trafilatura.extract(html, include_comments=False, favor_precision=True)
        metadata = trafilatura.extract_metadata(html)
    except Exception:  # noqa: BLE001 - a library failure on odd markup: the tag strip still gives the text
        text, metadata = None, None
    title = (metadata.title if metadata is not None else None) or tag_title
    if text and text.strip():
        return normalise_line_endings(text), title, published
    return stripped, title, published


# --- title, ids ------------------------------------------------------------------------------------


def clean_title(value: object) -> str | None:
    """A metadata title as a single line; None if it is not a usable string."""
    if not isinstance(value, str):
        return None
    title = " ".join(value.split())
    return title or None


def find_title(text: str, language: str) -> str | None:
    """The document's headline when its text shows one (`layout.title_span`): past cookie notices, labels
    ("Policy paper"), references and datelines; never a reference, a document type or a dateline."""
    span = title_span(text, language)
    if span is None:
        return None
    return clean_title(text[span[0] : span[1]])


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
        html_title, page_date = None, None
        if raw.kind == "html":
            text, html_title, page_date = extract_html_text(text)
        text, header_date = strip_date_marker(text)
        if not text.strip():
            return reject(raw, "empty document", "no text left after decoding and markup removal")
        if LETTER.search(text) is None:  # a table of figures pasted as text: no sentence, so no event
            return reject(raw, "no words to read: only digits, punctuation and spaces")
        if len(text) > MAX_TEXT_CHARS:
            return reject(
                raw,
                f"document too long: {len(text):,} characters of text, the limit is {MAX_TEXT_CHARS:,}; "
                "split it into smaller files",
            )
        meta = raw.meta or {}
        language = normalise_language_code(meta.get("language")) or detect_language(text)
        published = choose_published(
            [
                parse_published_value(meta.get("published")),
                page_date,
                header_date,
                find_dateline(text, language),
            ]
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
