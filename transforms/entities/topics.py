"""What a text or a meeting is about: `topic_span(text, after, end, language)`.

`Met deze brief informeer ik uw Kamer over de asielinstroom waar ook Nederland de effecten van merkt`:
the letter's actors are its sender and its addressee, not the Netherlands it speaks of; `we spraken over
mensensmokkel op de Middellandse Zee`: the talks were not held at sea. The topic starts at the first topic
preposition (`over`, `about`, `on`, ...) after the event's trigger, or at what an answer answers (`Antwoord
op vragen van de leden X en Y`: X and Y asked, they do not answer), and runs to the next comma, semicolon,
colon or parenthesis (`to discuss policies on migration, in the presence of Europol`: Europol is there);
a preposition before a number, a month or weekday, or `behalf` (`on 2 December`, `on behalf of the
Commission`) starts none.
"""

from __future__ import annotations

import re

from transforms.entities.lexicon import load_gazetteer

WORD_RE = re.compile(r"[^\W\d_]+|\d+")
PHRASE_END = re.compile(r"[,;:()]")
LAST_WORD = re.compile(r"[^\W\d_]+(?=[^\w]*\Z)")


def topic_span(text: str, after: int, end: int, language: str) -> tuple[int, int] | None:
    """The span of the topic of the event whose trigger ends at `after`, in text[:end]; None when none.

    >>> text = "Met deze brief informeer ik uw Kamer over de instroom in Nederland, mede namens de minister."
    >>> start, stop = topic_span(text, 24, len(text), "nl")
    >>> text[start:stop]
    'over de instroom in Nederland'
    """
    gaz = load_gazetteer(language)
    words = WORD_RE.finditer(text, after, end)
    trigger = LAST_WORD.search(text, max(0, after - 40), after)
    previous = trigger.group().lower() if trigger else ""
    for m in words:
        word = m.group().lower()
        response = word in gaz.response_prepositions and previous in gaz.response_nouns  # `Antwoord op`
        previous = word
        if word not in gaz.topic_prepositions and not response:
            continue
        following = next(words, None)
        if following is None:
            return None
        previous = following.group().lower()
        if previous.isdigit() or previous in gaz.calendar or previous == "behalf":
            continue
        stop = PHRASE_END.search(text, m.end(), end)
        return m.start(), stop.start() if stop else end
    return None
