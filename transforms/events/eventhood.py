"""Which sentences and clauses state an event a careful analyst would put on a timeline.

Not events: questions; headings, datelines and other short lines without a sentence's end;
references and navigation ('Zie ook ...', 'Read more'); the cut-off end of a text; habits ('vaak',
'usually', 'jaarlijks', 'a pattern of'); forecasts ('naar verwachting', 'is expected to'); norms and
capacities ('moet', 'must', 'can') without a date; states ('remains', 'is zeer hoog', 'lacked'); a
present tense without a date of its own ('Officers search vehicles', 'Het kabinet zet in op'); what a
quotation says without a date of its own; opinions ('agreed it is unacceptable', 'Graag wil ik
benadrukken'); the attribution of a quotation ('zei hij'); a noun or a light verb alone ('the
European Agenda has guided the work', 'took place') without a date of its own.

Events: a clause in the past or the future with a verb of the lexicon; any clause with a date of
its own and a verb; a statement (the saying is the news: 'Dat schrijven de ministers'); the text's
own act ('Hierbij bied ik u aan', 'Met deze brief informeer ik uw Kamer').
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from transforms.clause_words import clause_words
from transforms.clauses import QUOTE, clause_tokens, is_finite, is_participial, is_participle
from transforms.events.lexicon import Trigger
from transforms.events.words import event_words, found_in
from transforms.sentences import LETTER, Segment

# A line that ends like a sentence.
SENTENCE_END = re.compile(r"[.!?;\"”’)»]\s*$")
QUESTION_END = re.compile(r"\?[\s\d\"”’»)\]]*$")
MIN_WORDS = 3
# A line without a sentence's end and with fewer words than this is a heading or a line of fields.
HEADING_WORDS = 15
# 'ALERTED by ...', 'EMPHASISING that ...': the considerations that open a Council text.
PREAMBLE = re.compile(r"^[\W\d]*[A-Z]{4,}(?:ING|ED|ND|S)\b")


def is_story_sentence(seg: Segment, text: str, language: str, title: bool) -> bool:
    """A sentence that can state an event: not a question, not a heading, a line of fields, a
    reference or navigation, not the cut-off end of the text."""
    body = seg.text.strip()
    if QUESTION_END.search(body) or event_words(language).not_story_starts.match(body):
        return False
    words = len(WORD.findall(body))
    if words < MIN_WORDS:
        return False
    if title:
        return True
    if mostly_capitals(body):
        return False  # 'BRIEF VAN DE STAATSSECRETARIS ...': a document's type line
    if SENTENCE_END.search(body):
        return True
    if not NOT_SPACE.search(text, seg.end):
        return False  # the text stops mid-sentence: what is left of it cannot be trusted
    return not (whole_line(text, seg) and words < HEADING_WORDS)


WORD = re.compile(r"[^\W\d_][\w'’-]*")
UPPER = re.compile(r"[A-ZÀ-ÖØ-ÞĀ-Ž]")
# Lower-case letters common in Dutch and English text: letters that UPPER does not count.
COMMON_LOWER = "etaoinsrdl"


def mostly_capitals(body: str) -> bool:
    """More than 80% of its letters are capitals. A fifth of the text in common lower-case letters
    answers no at once (most sentences) without counting every letter."""
    if sum(map(body.count, COMMON_LOWER)) >= 0.2 * len(body):
        return False
    return len(UPPER.findall(body)) > 0.8 * len(LETTER.findall(body))


NOT_SPACE = re.compile(r"\S")


def is_preamble(seg: Segment) -> bool:
    """'ALERTED by the high number of casualties ...': a consideration, whose own dated facts are events."""
    return bool(PREAMBLE.match(seg.text))


def whole_line(text: str, seg: Segment) -> bool:
    line_start = text.rfind("\n", 0, seg.start) + 1
    line_end = text.find("\n", seg.end)
    line_end = len(text) if line_end < 0 else line_end
    return not text[line_start : seg.start].strip(" \t•*-–·") and not text[seg.end : line_end].strip()


@dataclass(frozen=True)
class Reading:
    """What the extractor knows of one unit when it judges it."""

    text: str
    language: str
    spans: tuple[tuple[int, int], ...]  # the unit's
    part_spans: tuple[tuple[int, int], ...]  # the predicate's clause
    head_spans: tuple[tuple[int, int], ...]  # the unit's main clause
    sentence: Segment
    predicate: Trigger | None
    tense: str
    dated: bool  # a date of its own
    performative: bool  # the text's own act ('Hierbij bied ik u aan')
    habitual: bool  # a SET expression ('jaarlijks', 'every year') in the unit
    light: bool  # a light verb governs the unit's event noun ('vond een bijeenkomst plaats')
    frame: tuple[tuple[int, int], ...] = ()  # a subordinate unit with the clause it hangs on


def is_event(r: Reading) -> bool:
    w = event_words(r.language)
    if r.habitual or habitual(r) or found_in(w.forecast, r.text, (*r.head_spans, *r.part_spans, *r.frame)):
        return False
    if found_in(w.hedges, r.text, r.spans):
        return False
    if not r.dated and r.tense != "past" and found_in(w.obligation, r.text, r.part_spans):
        return False  # 'Veel moet nog worden uitgewerkt', 'could be provided'
    if r.performative:
        return True
    if r.predicate is None:
        return r.dated and has_verb(r)
    if in_quotation(r.text, r.sentence, r.predicate.start) and not r.dated:
        return False  # what a quotation says is an opinion unless it dates something
    saying = r.predicate.kind == "statement" or r.predicate.event_type in ("STATEMENT", "AGREEMENT")
    if saying and r.predicate.kind != "noun" and found_in(w.evaluative, r.text, r.spans):
        return False  # 'agreed it is unacceptable', 'stressed that ... remains a major issue'
    if r.predicate.kind == "statement":
        return not attributes_quotation(r) and not (r.tense == "present" and demonstrative_subject(r))
    if r.predicate.kind in ("noun", "light") and not r.dated and not (r.predicate.kind == "noun" and r.light):
        return False  # 'the European Agenda has guided the work', 'took place': no event of its own
    if r.predicate.kind == "noun" and not r.dated and only_states(r):
        return False  # 'the EU lacked a collective policy', 'De instroom is zeer hoog'
    if r.predicate.kind == "noun" and only_states(r) and demonstrative_subject(r, anywhere=True):
        return False  # 'It was the deadliest incident this year': what the story told, judged
    return r.tense in ("past", "future") or r.dated


def habitual(r: Reading) -> bool:
    """A habit marker in the clause of the event or in its unit's main clause ('Geregeld wordt ...'),
    but not one that only qualifies a participle beside it ('..., often risking their lives')."""
    pattern = event_words(r.language).habitual
    for s, e in (*r.head_spans, *r.part_spans):
        for m in pattern.finditer(r.text, s, e):
            after = r.text[m.end() : m.end() + 30].split()
            if not (after and is_participial(after[0].lower(), r.language)):
                return True
    return False


def has_verb(r: Reading) -> bool:
    words = [w for s, e in r.spans for w in clause_tokens(r.text, s, e)]
    return any(
        is_finite(w, "", r.language) or is_participle(w.low, r.language) or is_participial(w.low, r.language)
        for w in words
    )


def only_states(r: Reading) -> bool:
    """Every verb of the predicate's clause is one of a state ('is', 'remains', 'lacked'), or it has none."""
    states = event_words(r.language).states
    words = [w for s, e in r.part_spans for w in clause_tokens(r.text, s, e)]
    verbs = [
        w.low
        for k, w in enumerate(words)
        if is_finite(w, words[k - 1].low if k else "", r.language) or is_participle(w.low, r.language)
    ]
    return all(v in states for v in verbs)


def in_quotation(text: str, seg: Segment, pos: int) -> bool:
    """An odd number of quotation marks before `pos` in its sentence; or, in a sentence with an odd
    number of them, before the first one: a quotation opened in an earlier sentence closes there
    ('Wie dat ontkent, kijkt weg," zei hij.')."""
    before = len(QUOTE.findall(text, seg.start, pos))
    if before % 2 == 1:
        return True
    if before or len(QUOTE.findall(text, seg.start, seg.end)) % 2 == 0:
        return False
    first = QUOTE.search(text, pos, seg.end)
    return first is not None and closes(text, first.start(), first.group())


def closes(text: str, at: int, mark: str) -> bool:
    """The quotation mark at `at` closes a quotation: a closing curly one, or a straight one right after
    a word or punctuation ('weg,"')."""
    if mark in ("”", "»", "''"):
        return True
    if mark in ("“", "„", "«", "``"):
        return False
    return at > 0 and not text[at - 1].isspace()


def attributes_quotation(r: Reading) -> bool:
    """'"...," zei hij tijdens de top': a saying verb that only says whose words the sentence's
    quotation are."""
    if r.predicate is None or not event_words(r.language).saying.fullmatch(r.predicate.text):
        return False
    return bool(QUOTE.search(r.text, r.sentence.start, r.sentence.end))


def demonstrative_subject(r: Reading, anywhere: bool = False) -> bool:
    """'This calls for more control', 'It requires': no one says anything. With `anywhere`, the clause
    opens with one before its verb and the predicate ('It was the deadliest incident')."""
    if r.predicate is None:
        return False
    before = r.text[r.part_spans[0][0] : r.predicate.start].split()
    subjects = event_words(r.language).demonstrative_subjects
    if anywhere:  # its subject, after the word that opens the clause ('that', 'which' are no subjects)
        openers = clause_words(r.language).openers
        words = [w.lower().strip(",") for w in before]
        while words and words[0] in openers:
            words.pop(0)
        return bool(words) and words[0] in subjects
    return len(before) == 1 and before[0].lower() in subjects


def is_performative(text: str, language: str, spans: tuple[tuple[int, int], ...]) -> bool:
    """'Hierbij bied ik u aan', 'Met deze brief informeer ik uw Kamer': a marker of the text's own act
    with the writer as subject."""
    w = event_words(language)
    if not found_in(w.performatives, text, spans):
        return False
    return any(t.low in w.first_person for s, e in spans for t in clause_tokens(text, s, e))
