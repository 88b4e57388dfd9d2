"""The status of an event: happened, planned, negated or possible (`schemas.vocabulary.STATUSES`).

Read from the clause of its trigger:
- negated: a negation near the trigger in its piece of clause, before it ('niet', 'geen', 'not', 'no
  flights have left') or after it ('De demonstratie gaat niet door', 'arrested nobody'; not 'without
  a warrant', nor 'not only ... but also'), or a verb that says another did not happen ('refused to
  sign', 'De demonstratie werd afgelast'; not the trigger itself: 'The minister denied the reports'
  reports a denial that happened);
- possible: a modal ('zou kunnen', 'may', 'mogelijk'), or a clause opened by a condition ('if', 'als');
- planned: a future or a plan ('zal', 'gaat investeren', 'will', 'plans to', 'is set to'), or a
  present tense whose date lies after the document's date ('oplopend tot € 118 miljoen in 2029'), or a
  finite verb in the present with a date in a document that has none ('is allocating ... in 2025');
- else happened.
"""

from __future__ import annotations

import datetime as dt

from transforms.clauses import clause_tokens, clause_words, is_finite
from transforms.events.words import event_words, found_in

# How many words before the trigger a negation may stand and still say the trigger did not happen.
NEGATION_REACH = 6


def read_status(
    text: str,
    language: str,
    spans: tuple[tuple[int, int], ...],
    trigger: tuple[int, int],
    tense: str,
    date_start: dt.date | None,
    published_end: dt.date | None,
    ignore: tuple[tuple[int, int], ...] = (),
) -> str:
    """`ignore`: spans whose words are no cues (the temporal expressions: 'May' in 'In May 2015')."""
    w = event_words(language)
    if negated(text, language, spans, trigger) or found_in(
        w.negative_verbs, text, spans, ignore + (trigger,)
    ):
        return "negated"
    if found_in(w.possible, text, spans, ignore) or conditional(text, language, spans):
        return "possible"
    if tense == "future" or found_in(w.planned, text, spans, ignore) and tense != "past":
        return "planned"
    if tense == "present" and date_start is not None:
        if published_end is not None and date_start > published_end:
            return "planned"  # 'oplopend tot € 118 miljoen in 2029', in a text of 2025
        if published_end is None and has_finite(text, language, spans):
            return "planned"  # 'The government is allocating € 95 million in 2025', in a text of no date
    return "happened"


def has_finite(text: str, language: str, spans: tuple[tuple[int, int], ...]) -> bool:
    """A finite verb in the clause (a line of fields such as 'Vragen van ... (ingezonden 21 november)'
    has none, and says nothing about the future)."""
    for s, e in spans:
        words = clause_tokens(text, s, e)
        if any(is_finite(w, words[k - 1].low if k else "", language) for k, w in enumerate(words)):
            return True
    return False


def conditional(text: str, language: str, spans: tuple[tuple[int, int], ...]) -> bool:
    """A clause opened by a condition ('als', 'if'): its event may or may not happen."""
    m = event_words(language).conditionals.match(text, spans[0][0]) if spans else None
    return m is not None


def negated(text: str, language: str, spans: tuple[tuple[int, int], ...], trigger: tuple[int, int]) -> bool:
    """A negation within NEGATION_REACH words of the trigger, in the trigger's own piece of clause."""
    w = event_words(language)
    for s, e in spans:
        if not s <= trigger[0] < e:
            continue
        before = " ".join(text[s : trigger[0]].split()[-NEGATION_REACH:])
        after = " ".join(until_finite(text[trigger[1] : e].split()[:NEGATION_REACH], language))
        return any(
            not w.not_negations.match(text_, m.start())
            and (side == "before" or not w.negators_before_only.match(m.group()))
            for side, text_ in (("before", before), ("after", after))
            for m in w.negators.finditer(text_)
        )
    return False


def until_finite(words: list[str], language: str) -> list[str]:
    """The words up to the next finite verb: 'said Bah had not intended' negates what was said, not the
    saying."""
    finite = clause_words(language).finite
    k = next((k for k, w in enumerate(words) if w.lower().strip(".,;:") in finite), len(words))
    return words[:k]
