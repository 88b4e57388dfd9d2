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
import re

from transforms.clause_words import clause_words
from transforms.clauses import clause_tokens, is_finite
from transforms.events.lexicon import capitalised_inside
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
    if conditional(text, language, spans):
        return "possible"  # 'if they don't get paid': whether or not, it is a supposition
    if negated(text, language, spans, trigger) or found_in(
        w.negative_verbs, text, spans, ignore + (trigger,)
    ):
        return "negated"
    if may_be(text, language, spans, ignore):
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
        before = after_last_comma(" ".join(text[s : trigger[0]].split()[-NEGATION_REACH:]))
        after = " ".join(until_finite(text[trigger[1] : e].split()[:NEGATION_REACH], language))
        return any(
            not w.not_negations.match(text_, m.start())
            and (side == "before" or not w.negators_before_only.match(m.group()))
            and not (side == "after" and negates_infinitive(text_, m.end(), language))
            for side, text_ in (("before", before), ("after", after))
            for m in w.negators.finditer(text_)
        )
    return False


# A word or two set off by commas ('did not, however, arrest'): no clause of its own.
PARENTHETICAL = re.compile(r",\s*[\w'’]+(?:\s+[\w'’]+)?\s*,")


def after_last_comma(before: str) -> str:
    """What stands before the trigger from its last comma on: a negation before that comma is another
    clause's ('which it doesn't already own, the two sides said'); a word or two between commas is no
    clause ('did not, however, arrest')."""
    head, comma, tail = PARENTHETICAL.sub(" ", before).rpartition(",")
    return tail if comma else before


def may_be(text: str, language: str, spans: tuple[tuple[int, int], ...], ignore) -> bool:
    """A word that makes the event possible ('might', 'zou kunnen'), not a capitalised one inside the
    sentence: 'Theresa May met ...' is a name (`lexicon.capitalised_inside`)."""
    possible = event_words(language).possible
    for s, e in spans:
        for m in possible.finditer(text, s, e):
            if not any(a <= m.start() < b for a, b in ignore) and not capitalised_inside(text, m.start()):
                return True
    return False


def negates_infinitive(text: str, end: int, language: str) -> bool:
    """A negation right before 'te'/'to' (a word such as a verb's particle may stand between) negates the
    infinitive after it: 'zei de oorzaak niet te kennen', 'beloofde het gezin niet uit te zetten',
    'promised not to deport' say something that happened."""
    markers = clause_words(language).infinitive_markers
    return any(
        w.lower() in markers for w in re.findall(r"[\w'’]+", text[end : end + 40])[: INFINITIVE_GAP + 1]
    )


# How many words may stand between a negation and the 'te'/'to' of the infinitive it negates.
INFINITIVE_GAP = 1


def until_finite(words: list[str], language: str) -> list[str]:
    """The words up to the next finite verb: 'said Bah had not intended' negates what was said, not the
    saying; 'said it won't hold' too (a negated auxiliary is finite)."""
    cw = clause_words(language)

    def finite(word: str) -> bool:
        w = word.lower().strip(".,;:")
        return w in cw.finite or bool(cw.finite_endings) and w.endswith(cw.finite_endings)

    k = next((k for k, w in enumerate(words) if finite(w)), len(words))
    return words[:k]
