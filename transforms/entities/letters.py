"""Who writes and who is addressed, as a letter or an answer to parliamentary questions says it.

`find_roles(segments, language)` reads, in order of trust, the sender from:

1. an answer line: the person (or office) right after `Antwoord van` / `Answered by`
   (`Antwoord van Staatssecretaris Dijkhoff (Veiligheid en Justitie)` -> `Dijkhoff`);
2. a signature: a line that is only an office and a name (`De Minister van Buitenlandse Zaken,
   A.G. Koenders` -> `A.G. Koenders`);
3. a letter's heading (`BRIEF VAN DE STAATSSECRETARIS VAN VEILIGHEID EN JUSTITIE` ->
   `Staatssecretaris van Veiligheid en Justitie`);
4. the office questions were put to (`vragen ... voorgelegd aan de Staatssecretaris van Justitie en
   Veiligheid`): it answers them;

and the addressee from a line that opens with `Aan de Voorzitter van de` / `To the` and ends with an
organisation (`Aan de Voorzitter van de Tweede Kamer der Staten-Generaal` -> `Tweede Kamer der
Staten-Generaal`). Patterns and words are data (`sender_headers`, `answer_openers`, `addressee_openers`,
`question_words`, `question_to` in `resources/<lang>/gazetteer.json`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from transforms.entities.words import Link, Mention
from transforms.resources import load


@dataclass(frozen=True, slots=True)
class Roles:
    sender: str | None = None
    addressee: str | None = None


@dataclass(frozen=True, slots=True)
class LetterClues:
    headers: tuple[re.Pattern[str], ...]
    answer_openers: tuple[str, ...]
    addressee_openers: tuple[str, ...]
    question_words: frozenset[str]
    question_to: frozenset[str]
    lower_words: frozenset[str]  # words a heading in capitals keeps in lower case (`van`, `en`)


@cache
def letter_clues(language: str) -> LetterClues:
    gaz = load(language, "gazetteer")
    return LetterClues(
        headers=tuple(re.compile(p) for p in gaz.get("sender_headers", [])),
        answer_openers=tuple(gaz.get("answer_openers", [])),
        addressee_openers=tuple(sorted(gaz.get("addressee_openers", []), key=len, reverse=True)),
        question_words=frozenset(w.lower() for w in gaz.get("question_words", [])),
        question_to=frozenset(w.lower() for w in gaz.get("question_to", [])),
        lower_words=frozenset(w.lower() for w in gaz.get("particles", []) + gaz.get("coordinators", [])),
    )


def office_from_capitals(text: str, clues: LetterClues) -> str:
    """`STAATSSECRETARIS VAN VEILIGHEID EN JUSTITIE` -> `Staatssecretaris van Veiligheid en Justitie`."""
    words = text.split()
    out = [w.lower() if k and w.lower() in clues.lower_words else w.capitalize() for k, w in enumerate(words)]
    return " ".join(out)


@dataclass(slots=True)
class Segmented:
    """One sentence's text, offset, mentions and links (offsets into the document)."""

    start: int
    text: str
    mentions: list[Mention]
    links: list[Link]


def answer_sender(seg: Segmented, clues: LetterClues) -> str | None:
    stripped = seg.text.lstrip()
    for opener in clues.answer_openers:
        if stripped.startswith(opener):
            after = seg.start + len(seg.text) - len(stripped) + len(opener)
            for m in seg.mentions:
                if m.start >= after and m.kind in ("person", "function", "name"):
                    return m.name
    return None


def signature_sender(seg: Segmented) -> str | None:
    for link in seg.links:
        if link.kind != "apposition":
            continue
        before = seg.text[: link.start - seg.start].strip().split()
        after = seg.text[link.end - seg.start :].strip(" .\n")
        if len(before) <= 1 and not after:
            return link.full
    return None


def heading_sender(seg: Segmented, clues: LetterClues) -> str | None:
    for pattern in clues.headers:
        m = pattern.search(seg.text)
        if m:
            return office_from_capitals(m.group("office"), clues)
    return None


def question_answerer(seg: Segmented, clues: LetterClues) -> str | None:
    if not any(m.kind == "function" for m in seg.mentions):
        return None
    words = seg.text.lower().split()
    if not clues.question_words & set(words):
        return None
    for m in seg.mentions:
        if m.kind != "function":
            continue
        before = seg.text[: m.start - seg.start].split()
        if len(before) >= 2 and before[-2].lower() in clues.question_to:
            return m.name
    return None


def addressee_of(seg: Segmented, clues: LetterClues) -> str | None:
    """The organisation a line `Aan de Voorzitter van de ...` / `To the Chair of the ...` ends with."""
    lead = len(seg.text) - len(seg.text.lstrip())
    stripped = seg.text.strip()
    opener = next((o for o in clues.addressee_openers if stripped.startswith(o + " ")), None)
    if opener is None or not seg.mentions:
        return None
    last = seg.mentions[-1]
    rest_start = seg.start + lead + len(opener)
    after = seg.text[last.end - seg.start :].strip(" .,:\n")
    if after or last.kind not in ("organisation", "union", "name", "function") or last.end <= rest_start:
        return None
    if last.start >= rest_start:
        return last.name if not seg.text[rest_start - seg.start : last.start - seg.start].strip() else None
    return seg.text[rest_start - seg.start : last.end - seg.start].strip()  # the office swallowed the name


def find_roles(segments: list[Segmented], language: str) -> Roles:
    clues = letter_clues(language)
    found: dict[str, str] = {}

    def read(key: str, value: str | None) -> None:
        if value:
            found[key] = value

    for seg in segments:
        if "heading" not in found:
            read("heading", heading_sender(seg, clues))
        if not seg.mentions and not seg.links:
            continue  # every other reader reads a mention or a link of the sentence
        if "answer" not in found:
            read("answer", answer_sender(seg, clues))
        if "signature" not in found:
            read("signature", signature_sender(seg))
        if "question" not in found:
            read("question", question_answerer(seg, clues))
        if "addressee" not in found:
            read("addressee", addressee_of(seg, clues))
    sender = next((found[k] for k in ("answer", "signature", "heading", "question") if k in found), None)
    return Roles(sender, found.get("addressee"))
