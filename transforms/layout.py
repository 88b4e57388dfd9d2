"""Which lines of a document are not story: datelines, bylines, labels, references, the addressee and
signature of a letter, contact blocks and site boilerplate; where the header ends and the story
starts; and which line is the document's title.

`metadata_lines(text, language)` gives (start, end, kind) character spans of `text`. An event
extractor skips every sentence inside such a span, so the rules are narrow: a line that reads as a
sentence of the story is never marked (each rule wants a short line without a sentence end, or a
form no sentence has, like a phone number or "COM(2019) 481 final"). The words are data
(`transforms/resources/<lang>/documents.json`), every language's for every document: page chrome
is often in another language than the text.

>>> metadata_lines("Policy paper\\nDen Haag, 17 augustus 2015\\nHet kabinet besloot.", "nl")
[(0, 12, 'label'), (13, 39, 'dateline')]
>>> title_span("We use cookies to give you the best experience on our website.\\nCouncil conclusions\\nText.", "en")
(63, 82)
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass
from functools import cache, lru_cache

from transforms import datelines
from transforms.datelines import document_words, words_pattern
from transforms.sentences import is_abbreviation

# What `metadata_lines` calls the lines it marks.
METADATA_KINDS = (
    "dateline",
    "byline",
    "label",
    "reference",
    "addressee",
    "signature",
    "contact",
    "boilerplate",
)

# The story starts at the first line that reads as prose: this many words and a sentence end.
MIN_PROSE_WORDS = 8
# A header is at most this long (EU documents put several reference lines before the text).
HEADER_MAX_LINES = 40
HEADER_MAX_CHARS = 3000
# After the header, a line that is only a date (or a headline over it) is still looked for this far.
OPENING_MAX_LINES = 12
OPENING_MAX_CHARS = 1500
# The opening of a document: the lines that start within this many characters.
OPENING_CHARS = HEADER_MAX_CHARS + OPENING_MAX_CHARS
# Lines longer than this are prose or data, never one of the short metadata lines.
MAX_SHORT_WORDS = 15
MAX_SHORT_CHARS = 400
# A document number or citation token is short ("52021DC0591", "COM(2019)").
MAX_CODE_CHARS = 40
MAX_BOILERPLATE_WORDS = 60
MAX_TITLE_CHARS = 200
# A contact block runs over at most this many lines after its heading.
MAX_CONTACT_LINES = 10

UPPER = "A-ZÀ-ÖØ-ÞĀ-Ž"
# A sentence end, unless the full stop is an abbreviation's or an initial's ("Inc. co-founder", "A.G.
# Koenders", see `has_sentence_end`) or stands before a number ("nr. 1094").
SENTENCE_END = re.compile(r"[.!?][\"'”’»)]*(?:\s+(?=\D)|\s*$)")
WORD = re.compile(r"\S+")
BULLET = re.compile(r"[\s•·▪◦‣∙*\-–—]*")
EMAIL = re.compile(r"(?:e-?mail\s*:?\s*)?[\w.+-]+@[\w-]+(?:\.[\w-]+)+", re.I)
URL = re.compile(r"(?:https?://|www\.)\S+", re.I)
LETTER_RUN = re.compile(r"[^\W\d_]{5,}")
ROMAN = re.compile(r"[IVXLC]+")
# A token of a document number or citation: holds a digit ("481", "COM(2019)", "2020–2021,", "52021DC0591").
CODE_TOKEN = re.compile(r"[\w()/.\-–,;:]*\d[\w()/.\-–,;:]*")
# "19 637 Vreemdelingenbeleid", "35 300 VI Vaststelling ...": a parliamentary dossier number and its name.
DOSSIER = re.compile(rf"\d{{2}} \d{{3}}(?: [IVXLC]+| [A-Z])?\s+[{UPPER}]")
# The characters of a Markdown table rule ("---|---|").
TABLE_RULE_CHARS = " |:+-"
LABEL_SEPARATOR = re.compile(r"\s*[/|·,]\s*")


@dataclass(frozen=True, slots=True)
class Line:
    """One line of a document: its offsets in the text, its metadata kind and span (or None), and
    whether it reads as prose."""

    start: int
    end: int
    kind: str | None
    span: tuple[int, int] | None
    prose: bool

    @property
    def whole(self) -> bool:
        """Whether the metadata span covers the whole line (not only the dateline opening a paragraph)."""
        return self.span is not None and self.span[1] >= self.end


# --- the rules of a language -------------------------------------------------------------------------


@dataclass(frozen=True)
class Rules:
    language: str
    boilerplate_starts: re.Pattern[str]
    boilerplate_contains: re.Pattern[str]
    byline_starts: re.Pattern[str]
    byline_name: re.Pattern[str]
    labels: frozenset[str]
    document_type: re.Pattern[str]
    reference: re.Pattern[str]
    citation_source: re.Pattern[str]
    citation_words: frozenset[str]
    see_also: re.Pattern[str]
    credit: re.Pattern[str]
    addressee: re.Pattern[str]
    signature: re.Pattern[str]
    signature_role_line: re.Pattern[str]
    name_line: re.Pattern[str]
    closings: frozenset[str]
    contact_headings: frozenset[str]
    contact_role: re.Pattern[str]
    phone: re.Pattern[str]
    boilerplate_needles: tuple[str, ...] | None  # a line holds one of these when boilerplate_contains finds
    see_also_needles: tuple[str, ...] | None  # ... and when see_also does


def phrases_pattern(phrases) -> str:
    """An alternation of phrases, where '*' stands for one to four words."""
    parts = []
    for phrase in sorted(set(phrases), key=len, reverse=True):
        pieces = [re.escape(p.strip()).replace(r"\ ", r"\s+") for p in phrase.split("*")]
        parts.append(r"(?:\s+\S+){1,4}?\s+".join(pieces))
    return "|".join(parts) or r"(?!x)x"


# Letters that match an ASCII letter in a case-insensitive pattern but whose `str.lower()` is another one.
CASE_ODD = ("ı", "İ", "ſ")


def needles(phrases) -> tuple[str, ...] | None:
    """One word of each phrase (its longest, lower case): a text that a case-insensitive pattern of the
    phrases matches holds one of them in its `str.lower()` (unless it holds a letter of CASE_ODD). None
    when a phrase has no plain ASCII word to look for."""
    found = []
    for phrase in phrases:
        words = [w for w in re.split(r"[\s*]+", phrase.lower()) if w]
        if not words or not all(w.isascii() for w in words):
            return None
        found.append(max(words, key=len))
    return tuple(sorted(set(found)))


def may_hold(text: str, words: tuple[str, ...] | None) -> bool:
    """False only when `text` cannot hold a phrase whose `needles` are `words`."""
    if words is None or any(c in text for c in CASE_ODD):
        return True
    low = text.lower()
    return any(w in low for w in words)


@cache
def rules(language: str) -> Rules:
    """The compiled line rules for `language` (its words first, then every other language's)."""

    def words(key: str) -> tuple[str, ...]:
        return document_words(language, key)

    particles = words_pattern(words("name_particles"))
    months, weekdays = datelines.calendar_words(language)
    calendar = words_pattern(list(months) + list(weekdays))
    # A personal name: initials and capitalised words, with the particles of names between them.
    # Each word ends where its letters end, so a name is read one way only (no backtracking over splits).
    initials = rf"(?:[{UPPER}]\.)+"
    word = rf"(?!(?:{calendar})(?!\w))[{UPPER}][\w'’-]*(?![\w'’-])"
    name = (
        rf"(?:{initials}\s*)?(?:{word}|{initials})(?:\s+(?:{initials}|{word}|(?:{particles})(?!\w))){{0,5}}"
    )
    prefixes = words_pattern(words("signature_role_prefixes"))
    roles = words_pattern(words("signature_roles"))
    one_role = rf"(?:(?:{prefixes})\s+){{0,2}}(?:{roles})(?!\w)[^.!?;:,\n]{{0,100}}"
    # "De Minister-President, Minister van Algemene Zaken,": one person may sign with several roles
    role_phrase = rf"{one_role}(?:,\s*{one_role}){{0,2}}"
    joiners = words_pattern(words("type_joiners"))
    phone_words = words_pattern(words("phone_words"))
    return Rules(
        language=language,
        boilerplate_starts=re.compile(rf"(?:{phrases_pattern(words('boilerplate_starts'))})(?!\w)", re.I),
        boilerplate_contains=re.compile(
            rf"(?<!\w)(?:{phrases_pattern(words('boilerplate_contains'))})(?!\w)", re.I
        ),
        byline_starts=re.compile(rf"(?:{words_pattern(words('byline_starts'))})(?!\w)", re.I),
        byline_name=re.compile(
            rf"(?i:{words_pattern(words('byline_words'))})\s+{name}(?:\s*[,|·–—-]\s*(?P<rest>.*))?", re.S
        ),
        labels=frozenset(" ".join(w.split()) for w in words("labels")),
        document_type=re.compile(
            rf"(?:{words_pattern(words('document_types'))})(?:\s+(?:(?:{joiners})(?!\w).*)?)?", re.I
        ),
        reference=re.compile(rf"(?:{words_pattern(words('reference_words'))})(?!\w)\s*:?\s*", re.I),
        citation_source=re.compile(rf"(?:{words_pattern(words('citation_sources'))})(?!\w)\s*,?\s*", re.I),
        citation_words=frozenset(w.rstrip(".,") for w in words("citation_words")),
        see_also=re.compile(rf"(?<!\w)(?:{words_pattern(words('see_also'))})\s+", re.I),
        credit=re.compile(rf"(?:{words_pattern(words('credit_labels'))})\s*:\s*\S", re.I),
        addressee=re.compile(rf"(?:{words_pattern(words('addressee_starts'))})(?!\w)", re.I),
        signature=re.compile(rf"(?i:{role_phrase}),\s*{name}", re.S),
        signature_role_line=re.compile(rf"(?i:{role_phrase}),"),
        name_line=re.compile(name),
        closings=frozenset(" ".join(w.split()) for w in words("closings")),
        contact_headings=frozenset(" ".join(w.split()) for w in words("contact_headings")),
        contact_role=re.compile(rf"(?:{words_pattern(words('contact_roles'))})(?!\w)", re.I),
        phone=re.compile(
            rf"(?:(?:{phone_words})\.?\s*:?\s*)?\+\(?\d[\d\s().\-/]{{5,}}\d|(?:{phone_words})\.?\s*:?\s*\(?\d[\d\s().\-/]{{5,}}\d",
            re.I,
        ),
        boilerplate_needles=needles(words("boilerplate_contains")),
        see_also_needles=needles(words("see_also")),
    )


# --- one line ----------------------------------------------------------------------------------------


def has_sentence_end(body: str, r: Rules) -> bool:
    """Whether a sentence ends in `body` (not an abbreviation's or initial's full stop)."""
    for match in SENTENCE_END.finditer(body):
        if body[match.start()] != "." or not is_abbreviation(body, match.start(), r.language):
            return True
    return False


def is_prose(body: str, r: Rules) -> bool:
    """A line that reads as running text: enough words and a sentence end."""
    return len(body.split(maxsplit=MIN_PROSE_WORDS - 1)) >= MIN_PROSE_WORDS and has_sentence_end(body, r)


def is_short(body: str, r: Rules) -> bool:
    """A short line without a sentence end: the shape of every header field."""
    return len(body.split()) <= MAX_SHORT_WORDS and not has_sentence_end(body, r)


def folded(body: str) -> str:
    return " ".join(body.lower().rstrip(":").split())


def is_boilerplate(body: str, r: Rules) -> bool:
    words = len(body.split())
    if words <= MAX_SHORT_WORDS * 2 and r.boilerplate_starts.match(body):
        return True
    return (
        words <= MAX_BOILERPLATE_WORDS
        and may_hold(body, r.boilerplate_needles)
        and r.boilerplate_contains.search(body) is not None
    )


def is_byline(body: str, r: Rules, language: str) -> bool:
    """ "Posted by: , Posted on: - Categories: Fact sheet", "Door onze verslaggever · 4 juni 2024",
    "By Jane Doe, Published 12 May 2023". Not "By the end of 2023 ..." (no name) nor a sentence."""
    if not is_short(body, r):
        return False
    if r.byline_starts.match(body):
        return True
    match = r.byline_name.fullmatch(body)
    if not match:
        return False
    rest = match.group("rest")
    return not rest or datelines.read_segments(rest, language) is not None or len(rest.split()) <= 4


def is_label(body: str, r: Rules, language: str) -> bool:
    """ "Press release", "Press Release/News", "13 November 2025|NEWS", "Nieuwsbericht | 12-03-2024 | 14:00",
    and all-capitals document-type lines ("BRIEF VAN DE STAATSSECRETARIS ...")."""
    if is_document_type(body, r):
        return True
    fields = [f for f in LABEL_SEPARATOR.split(body) if f]
    if not fields or len(fields) > 6:
        return False
    labelled = False
    for field in fields:
        if folded(field) in r.labels:
            labelled = True
        elif not (datelines.full_date(field, language) or datelines.is_time_only(field)):
            return False
    return labelled


def is_document_type(body: str, r: Rules) -> bool:
    """An all-capitals line naming the document's type: "COMMUNICATION FROM THE COMMISSION"."""
    return body.upper() == body and body.lower() != body and r.document_type.fullmatch(body) is not None


def is_code(token: str, r: Rules) -> bool:
    """A token of a number or citation: with a digit and no word in it ("COM(2019)", "52021DC0591", but not
    "1.INTRODUCTION"), a Roman numeral, or a citation word ("nr.", "final")."""
    if len(token) > MAX_CODE_CHARS:
        return False
    bare = token.strip(",;:()")
    return (
        (bool(CODE_TOKEN.fullmatch(token)) and LETTER_RUN.search(token) is None)
        or bool(ROMAN.fullmatch(bare))
        or bare.lower().rstrip(".") in r.citation_words
    )


def is_citation_rest(rest: str, r: Rules, *, caps_allowed: bool = False) -> bool:
    """What follows a reference word or citation source: numbers and citation words, or (after "Nr. 2027")
    an all-capitals document type."""
    tokens = rest.split()
    if caps_allowed and rest.upper() == rest:
        return True
    return all(is_code(t, r) for t in tokens)


def is_reference(body: str, r: Rules, header: bool) -> bool:
    """ "Nr. 2027 BRIEF VAN ...", "Document 52021DC0591", "Kamerstuk 28 638, nr. 249", "COM(2019) 481 final",
    "Aanhangsel Handelingen, vergaderjaar 2020–2021, nr. 2854", "120/16", table rows, and in the header
    "19 637 Vreemdelingenbeleid". A sentence that cites a document is none of these."""
    if len(body.split()) > 25 or body.endswith(("?", "!")):
        return False
    reference = r.reference.match(body)
    if reference:
        rest = body[reference.end() :].split(None, 1)
        if (
            rest
            and CODE_TOKEN.fullmatch(rest[0])
            and is_citation_rest(rest[1] if len(rest) > 1 else "", r, caps_allowed=True)
        ):
            return True
    source = r.citation_source.match(body)
    if source and body[source.end() :] and is_citation_rest(body[source.end() :], r):
        return True
    tokens = body.split()
    if len(tokens) <= 6 and all(is_code(t, r) for t in tokens):
        # a code, not a number or a year on its own: "COM(2019) 481 final", "120/16", "2024Z19016"
        return any(CODE_TOKEN.fullmatch(t) and not t.isdigit() for t in tokens)
    if is_table_row(body, r) or (r.credit.match(body) and is_short(body, r) and len(body.split()) <= 8):
        return True
    return header and DOSSIER.match(body) is not None and not has_sentence_end(body, r)


def is_table_row(body: str, r: Rules) -> bool:
    """A row of a table of short fields ("Datum publicatie | Organisatie | Vergaderjaar |"), or its rule."""
    if body.count("|") < 2:
        return False
    if "-" in body and not body.strip(TABLE_RULE_CHARS):
        return True
    fields = [f.strip() for f in body.split("|") if f.strip()]
    return bool(fields) and all(len(f.split()) <= 8 and not has_sentence_end(f, r) for f in fields)


def is_addressee(body: str, r: Rules) -> bool:
    """ "Aan de Voorzitter van de Tweede Kamer der Staten-Generaal", "Geachte voorzitter,"."""
    return is_short(body, r) and r.addressee.match(body) is not None


def is_signature(body: str, r: Rules) -> bool:
    """ "De Minister van Buitenlandse Zaken, A.G. Koenders", "Adjunct-griffier van de commissie, Paauwe",
    "Hoogachtend,". Not "De minister zei dat ..." (no name after a comma at the end of the line)."""
    if folded(body).rstrip(",") in r.closings:
        return True
    return len(body.split()) <= 20 and r.signature.fullmatch(body.rstrip()) is not None


def is_name_line(body: str, r: Rules) -> bool:
    """A line that is only a personal name ("E. van der Burg", "Joaquín Nogueroles Garcia")."""
    return (
        1 <= len(body.split()) <= 6
        and not any(ch.isdigit() for ch in body)
        and r.name_line.fullmatch(body) is not None
    )


def is_contact(body: str, r: Rules) -> bool:
    """A line that is only a phone number (with '+' or a phone word) or an e-mail address."""
    return r.phone.fullmatch(body) is not None or EMAIL.fullmatch(body) is not None


def is_contact_heading(body: str, r: Rules) -> bool:
    return folded(body) in r.contact_headings


def in_contact_block(body: str, r: Rules) -> bool:
    """What a contact block holds after its heading: names, roles, phone numbers, addresses."""
    if is_contact(body, r) or URL.fullmatch(body) or is_name_line(body, r):
        return True
    return is_short(body, r) and r.contact_role.match(body) is not None


def see_also_span(line: str, r: Rules) -> tuple[int, int] | None:
    """ "... (ontvangen 21 juni 2021). Zie ook Aanhangsel Handelingen, vergaderjaar 2020–2021, nr. 2854.":
    the citation after "zie ook"/"see also" to the end of the line."""
    if not may_hold(line, r.see_also_needles):
        return None
    for match in r.see_also.finditer(line):
        rest = line[match.end() :].rstrip().rstrip(".")
        source = r.citation_source.match(rest) or r.reference.match(rest)
        if source and rest[source.end() :] and is_citation_rest(rest[source.end() :], r):
            return match.start(), len(line.rstrip())
    return None


def classify(
    line: str, language: str, *, header: bool, prose: bool | None = None
) -> tuple[str, int, int] | None:
    """The metadata kind of one line and its span in the line, or None for a story line (or an unknown
    one). `header`: the line stands before the story starts (dossier numbers are read only there);
    `prose`: whether it reads as running text, when the caller knows."""
    r = rules(language)
    start = BULLET.match(line).end()
    body = line[start:].rstrip()
    if not body:
        return None
    end = start + len(body)
    if is_boilerplate(body, r):
        return "boilerplate", start, end
    if len(body) > MAX_SHORT_CHARS or (is_prose(body, r) if prose is None else prose):
        # running text: only a dateline opening it, or a citation after "zie ook" closing it
        date = datelines.read_line(line, language)
        if date is not None and date.form == "place":
            return "dateline", start, min(date.end, end)
        wire = datelines.wire_dateline(line, start)
        if wire is not None:
            return "dateline", start, wire
        span = see_also_span(line, r)
        return ("reference", span[0], span[1]) if span else None
    if is_byline(body, r, language):
        return "byline", start, end
    if is_label(body, r, language):
        return "label", start, end
    date = datelines.read_line(line, language)
    if date is not None:
        return "dateline", max(date.start, start), min(date.end, end)
    if datelines.is_time_only(body):
        return "dateline", start, end
    if is_reference(body, r, header):
        return "reference", start, end
    if is_addressee(body, r):
        return "addressee", start, end
    if is_signature(body, r):
        return "signature", start, end
    if is_contact(body, r) or is_contact_heading(body, r):
        return "contact", start, end
    span = see_also_span(line, r)
    if span is not None:
        return "reference", span[0], span[1]
    return None


# --- the document ------------------------------------------------------------------------------------


def line_offsets(text: str, limit: int | None = None):
    """(start, end) of each line of `text` (without its newline), up to `limit` characters."""
    stop = len(text) if limit is None else min(limit, len(text))
    pos = 0
    while pos < stop or (pos == 0 and not text):
        end = text.find("\n", pos)
        end = len(text) if end < 0 else end
        yield pos, end
        pos = end + 1
        if pos > len(text):
            break


class LineReader:
    """The non-blank lines of one text, each with its metadata kind, read in order and only as far as
    asked: the opening for the title and the date (`opening_lines`), the rest for `metadata_lines`, every
    line read once. Lines before the story are read as header lines; a contact block continues from its
    heading; a role line ending in a comma and the name under it are a signature."""

    def __init__(self, text: str, language: str) -> None:
        self.text, self.language = text, language
        self.r = rules(language)
        self.lines: list[Line] = []
        self.in_header = True
        self.contact_left = 0
        self.pos = 0  # where the next line starts
        self.opening: tuple[Line, ...] | None = None  # the lines that start before OPENING_CHARS
        self.failed: Exception | None = None
        self.lock = threading.Lock()  # a reader may be shared by threads reading the same text

    def read(self, limit: int | None = None) -> list[Line]:
        """The lines that start before `limit` (all when None), as a fresh read up to there gives them."""
        with self.lock:
            if self.failed is not None:
                raise self.failed
            try:
                self.read_to(len(self.text) if limit is None else min(limit, len(self.text)))
            except Exception as error:  # odd text: every later read fails the same way
                self.failed = error
                raise
            return self.lines if limit is None else [line for line in self.lines if line.start < limit]

    def opening_lines(self) -> tuple[Line, ...]:
        with self.lock:
            if self.opening is not None:
                return self.opening
        self.read(OPENING_CHARS)
        with self.lock:
            if self.opening is None:  # the text ends before OPENING_CHARS
                self.opening = tuple(self.lines)
            return self.opening

    def read_to(self, stop: int) -> None:
        text = self.text
        while self.pos < stop:
            if self.opening is None and self.pos >= OPENING_CHARS:
                self.opening = tuple(self.lines)  # as the opening's own read leaves them
            end = text.find("\n", self.pos)
            end = len(text) if end < 0 else end
            self.read_line(self.pos, end)
            self.pos = end + 1

    def read_line(self, start: int, end: int) -> None:
        text, r, language, lines = self.text, self.r, self.language, self.lines
        line = text[start:end]
        body = line.strip()
        if not body:
            return
        self.in_header = self.in_header and len(lines) < HEADER_MAX_LINES and start < HEADER_MAX_CHARS
        in_header = self.in_header
        prose = is_prose(body, r)
        found = classify(line, language, header=in_header, prose=prose)
        if found is None and self.contact_left and in_contact_block(body, r):
            found = ("contact", start + line.index(body[0]), end)
        elif found is not None:
            found = (found[0], start + found[1], start + found[2])
        if found is None and lines and lines[-1].kind is None and is_name_line(body, r):
            previous = text[lines[-1].start : lines[-1].end].strip()
            if r.signature_role_line.fullmatch(previous) and len(previous.split()) <= 20:
                lines[-1] = Line(
                    lines[-1].start, lines[-1].end, "signature", (lines[-1].start, lines[-1].end), False
                )
                found = ("signature", start + line.index(body[0]), end)
        if found is not None and found[0] == "contact" and is_contact_heading(body, r):
            self.contact_left = MAX_CONTACT_LINES
        elif self.contact_left:
            self.contact_left = self.contact_left - 1 if found is not None and found[0] == "contact" else 0
        kind, span = (found[0], (found[1], found[2])) if found else (None, None)
        lines.append(Line(start, end, kind, span, prose))
        if in_header and prose and not (lines[-1].whole):
            self.in_header = False


def read_lines(text: str, language: str, limit: int | None = None) -> list[Line]:
    """The non-blank lines of `text` (up to `limit` characters), each with its metadata kind
    (`LineReader`), read afresh."""
    return list(LineReader(text, language).read(limit))


# The documents whose lines are kept: as many as a batch of the pipeline holds (its largest, 5,000), which
# parses every document (the date and the title read the opening lines) before it extracts any (the
# metadata and the title read them again). Fewer, and the extraction would read every document afresh.
DOCUMENTS_KEPT = 5000


@lru_cache(maxsize=DOCUMENTS_KEPT)  # the title, the date and the metadata all read the same document
def line_reader(text: str, language: str) -> LineReader:
    return LineReader(text, language)


@lru_cache(maxsize=DOCUMENTS_KEPT)
def opening_lines(text: str, language: str) -> tuple[Line, ...]:
    """The lines of the document's opening: its header and what follows it, as far as a title or a date
    line is looked for."""
    return line_reader(text, language).opening_lines()


def story_index(lines) -> int:
    """The index of the first story line: prose, and not (all of it) metadata; len(lines) if none."""
    for index, line in enumerate(lines):
        if line.prose and not line.whole:
            return index
        if index >= HEADER_MAX_LINES or line.start >= HEADER_MAX_CHARS:
            return index
    return len(lines)


def metadata_lines(text: str, language: str) -> list[tuple[int, int, str]]:
    """(start, end, kind) character spans of the lines of `text` that are not story, in order; kind is
    one of METADATA_KINDS. A dateline that opens a paragraph ("Den Haag, 12 maart 2024 – Het kabinet
    ...") is marked up to its dash, the story sentence after it is not."""
    try:
        lines = line_reader(text, language).read()
        return [(line.span[0], line.span[1], line.kind) for line in lines if line.span]
    except Exception:  # noqa: BLE001 - odd text gives no metadata, never an exception
        return []


# --- the title ---------------------------------------------------------------------------------------


def title_text_span(text: str, line: Line, r: Rules) -> tuple[int, int]:
    """The headline's span in its line: without Markdown '#' marks, and without an all-capitals
    document type before it ("COMMUNICATION FROM THE COMMISSION ... A renewed EU action plan")."""
    body = text[line.start : line.end]
    start = line.start + len(body) - len(body.lstrip().lstrip("#").lstrip())
    end = line.start + len(body.rstrip())
    words = list(WORD.finditer(text, start, end))
    lower = next((i for i, w in enumerate(words) if any(ch.islower() for ch in w.group())), None)
    if lower is not None and lower >= 3:
        first = lower - 1 if len(words[lower - 1].group()) == 1 else lower
        if is_document_type(text[start : words[first - 1].end()], r):
            start = words[first].start()
    return start, end


def headline_span(text: str, line: Line, r: Rules) -> tuple[int, int] | None:
    """The span of the headline `line` holds, if it may be one: not metadata, not prose, short, no final
    full stop, colon or comma, no list bullet."""
    if line.kind is not None or line.prose:
        return None
    start, end = title_text_span(text, line, r)
    headline = text[start:end]
    if not headline or end - start >= MAX_TITLE_CHARS or headline.endswith((".", ":", ",", ";")):
        return None
    if BULLET.match(headline).end() > 0 or not any(ch.isalpha() for ch in headline):
        return None
    return start, end


def title_span(text: str, language: str) -> tuple[int, int] | None:
    """The (start, end) of the document's headline in `text`, or None. The header's lines are read past
    boilerplate, labels, references, document types and datelines: the headline is the line over the
    byline, else the header's first line of text when it reads as a headline and is no site name (a line
    followed by boilerplate), else, when the text opens with a paragraph, a headline over a date line.
    Never after the addressee of a letter: a line there is a section heading."""
    try:
        lines = opening_lines(text, language)
    except Exception:  # noqa: BLE001 - odd text has no title, never an exception
        return None
    r = rules(language)
    story = story_index(lines)
    header = lines[:story]
    letter = next((i for i, line in enumerate(header) if line.kind == "addressee"), len(header))
    headlines = {i: headline_span(text, header[i], r) for i in range(letter)}
    byline = next((i for i, line in enumerate(header) if line.kind == "byline"), None)
    if byline is not None:
        above = [i for i in range(min(byline, letter)) if headlines[i]]
        if above:
            return headlines[max(above)]
    for i in range(letter):
        if header[i].kind is not None:
            continue
        if headlines[i] is None:
            return None  # the header's first line of text is no headline (too long, a sentence): none is
        following = header[i + 1] if i + 1 < len(header) else None
        if following is None or following.kind != "boilerplate":
            return headlines[i]
    if letter < len(header):
        return None
    opening = lines[story : story + OPENING_MAX_LINES]
    for here, following in zip(opening, opening[1:], strict=False):
        if following.start > OPENING_MAX_CHARS + (lines[story].start if story < len(lines) else 0):
            break
        if following.kind == "dateline" and following.whole and headline_span(text, here, r):
            return headline_span(text, here, r)
    return None
